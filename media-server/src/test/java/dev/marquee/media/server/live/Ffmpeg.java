package dev.marquee.media.server.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** ffmpeg (and friends) as child processes: an OBS-like publisher, players; each bounded in time. */
final class Ffmpeg implements AutoCloseable {
    final Process process;
    final Path log;

    private Ffmpeg(List<String> command, Path log) throws IOException {
        this.log = log;
        this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static Ffmpeg run(Path log, String... command) throws IOException {
        return new Ffmpeg(List.of(command), log);
    }

    /** Publishes {@code seconds} of 640x360 30 fps H.264 (GOP 30) + AAC the way OBS does, in real time. */
    static Ffmpeg publish(String url, int seconds, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                "-re", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                "-t", Integer.toString(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "64k", "-f", "flv", url));
        return new Ffmpeg(cmd, log);
    }

    /** Decodes up to {@code frames} video frames of a live URL; its progress output goes to the log. */
    static Ffmpeg play(String url, int frames, Path log) throws IOException {
        return new Ffmpeg(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", "-nostats",
                "-progress", "pipe:1", "-i", url, "-frames:v", Integer.toString(frames), "-f", "null", "-"), log);
    }

    /** Exit code, or -1 (after killing it) when it did not finish in time. */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    /** The last {@code frame=N} of ffmpeg's {@code -progress} output, or 0. */
    int decodedFrames() throws IOException {
        int frames = 0;
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("frame=")) frames = Integer.parseInt(line.substring(6).trim());
        }
        return frames;
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops it politely (ffmpeg finishes its output on SIGTERM), then for good. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) return;
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
}
