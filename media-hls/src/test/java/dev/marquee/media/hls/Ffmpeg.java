package dev.marquee.media.hls;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the ffmpeg and ffprobe on PATH for the *IT tests. */
final class Ffmpeg {
    private static final long TIMEOUT_SECONDS = 120;

    private Ffmpeg() {}

    /** Runs a command in {@code dir} and returns its output (stdout and stderr); fails on a non-zero exit. */
    static List<String> run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "ffmpeg", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command[0] + " timed out");
        }
        List<String> output = new ArrayList<>(Files.readAllLines(log));
        Files.delete(log);
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        return output;
    }

    /** ffprobe's {@code key=value} lines for the streams of one kind ("v" or "a") of a file, one map per stream. */
    static List<Map<String, String>> streams(Path file, String kind, String entries) throws IOException, InterruptedException {
        List<Map<String, String>> result = new ArrayList<>();
        Map<String, String> current = null;
        boolean inProgram = false; // a transport stream's programs list their streams a second time
        for (String line : run(file.getParent(), "ffprobe", "-v", "error", "-select_streams", kind, "-show_entries",
                "stream=" + entries, "-of", "default=noprint_wrappers=0", file.toString())) {
            if (line.equals("[PROGRAM]") || line.equals("[/PROGRAM]")) {
                inProgram = line.equals("[PROGRAM]");
                current = null;
            } else if (line.equals("[STREAM]") && !inProgram) {
                current = new HashMap<>();
                result.add(current);
            } else if (line.equals("[/STREAM]")) {
                current = null;
            } else if (current != null && line.indexOf('=') > 0) {
                current.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return result;
    }

    /** The container duration ffprobe reports, in seconds. */
    static double duration(Path file) throws IOException, InterruptedException {
        List<String> out = run(file.getParent(), "ffprobe", "-v", "error", "-show_entries", "format=duration",
                "-of", "csv=p=0", file.toString());
        return Double.parseDouble(out.get(out.size() - 1).trim());
    }

    /** key_frame and pict_type of the first video frame of a file. */
    static String firstVideoFrame(Path file) throws IOException, InterruptedException {
        List<String> out = run(file.getParent(), "ffprobe", "-v", "error", "-select_streams", "v:0", "-read_intervals", "%+#1",
                "-show_entries", "frame=key_frame,pict_type", "-of", "csv=p=0", file.toString());
        return out.get(0).trim();
    }
}
