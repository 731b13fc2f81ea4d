package dev.marquee.platform.transcode.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one ffmpeg or ffprobe process to its end: stdout goes line by line to a consumer, stderr is
 * drained on a second thread keeping only its last lines, an interrupt of the calling thread kills
 * the process.
 */
public final class FfmpegProcess {

    /** How the process ended: exit code, all of stdout if it was kept, and the tail of stderr. */
    public record Outcome(int exitCode, String stdout, List<String> stderrTail) {

        public String stderr() {
            return String.join("\n", stderrTail);
        }
    }

    private FfmpegProcess() {
    }

    /** Runs {@code command} in {@code workDir} (null: inherit), feeding stdout lines to {@code stdoutLines}. */
    public static Outcome run(List<String> command, Path workDir, Consumer<String> stdoutLines, int stderrLines)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        Process process = builder.start();
        process.getOutputStream().close();
        Deque<String> tail = new ArrayDeque<>();
        Thread stderrDrain = Thread.ofVirtual().name("ffmpeg-stderr").start(() -> drain(process, tail, stderrLines));
        try {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    stdoutLines.accept(line);
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("interrupted while ffmpeg was running");
                    }
                }
            }
            int exit = process.waitFor();
            stderrDrain.join();
            synchronized (tail) {
                return new Outcome(exit, "", List.copyOf(tail));
            }
        } finally {
            if (process.isAlive()) {
                // killed mid-run (interrupt, I/O error): wait until it has stopped writing files
                process.destroyForcibly();
                process.onExit().join();
            }
        }
    }

    /** Runs {@code command} and keeps all of its stdout (for ffprobe's JSON). */
    public static Outcome capture(List<String> command, int stderrLines) throws IOException, InterruptedException {
        StringBuilder stdout = new StringBuilder();
        Outcome outcome = run(command, null, line -> stdout.append(line).append('\n'), stderrLines);
        return new Outcome(outcome.exitCode(), stdout.toString(), outcome.stderrTail());
    }

    private static void drain(Process process, Deque<String> tail, int keep) {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                synchronized (tail) {
                    tail.addLast(line);
                    while (tail.size() > keep) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed; what we have is all there is
        }
    }
}
