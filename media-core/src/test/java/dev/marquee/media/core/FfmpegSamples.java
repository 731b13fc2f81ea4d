package dev.marquee.media.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Makes small media files with the ffmpeg on PATH and asks ffprobe about them; for the *IT tests. */
public final class FfmpegSamples {
    private static final long TIMEOUT_SECONDS = 120;

    private FfmpegSamples() {}

    /** Two seconds of H.264 + AAC in FLV, made exactly as the streaming docs suggest. */
    public static Path avcAacFlv(Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("out.flv");
        run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-f", "lavfi", "-i", "sine",
                "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-f", "flv", out.toString());
        return out;
    }

    /** One second of HEVC in MP4 (ffmpeg 5.1 cannot put HEVC in FLV; the hvcC box is the same record). */
    public static Path hevcMp4(Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("hevc.mp4");
        run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "1",
                "-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error", "-tag:v", "hvc1", "-f", "mp4", out.toString());
        return out;
    }

    /** One second of AV1 in MP4, with the fastest SVT-AV1 preset. */
    public static Path av1Mp4(Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("av1.mp4");
        run(dir, "ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-t", "1",
                "-c:v", "libsvtav1", "-preset", "12", "-f", "mp4", out.toString());
        return out;
    }

    /** ffprobe's key=value answers about the first stream of one kind ("v" or "a"). */
    public static Map<String, String> probeStream(Path file, String kind, String entries) throws IOException, InterruptedException {
        Map<String, String> result = new HashMap<>();
        for (String line : run(file.getParent(), "ffprobe", "-v", "error", "-select_streams", kind + ":0",
                "-show_entries", "stream=" + entries, "-of", "default=noprint_wrappers=1", file.toString())) {
            int eq = line.indexOf('=');
            if (eq > 0) result.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return result;
    }

    /** How many video frames ffprobe calls key frames. */
    public static long probeKeyframes(Path file) throws IOException, InterruptedException {
        return run(file.getParent(), "ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=key_frame",
                "-of", "csv=p=0", file.toString()).stream().filter(l -> l.startsWith("1")).count();
    }

    /** The payload of the first ISO BMFF box of {@code type} (found by its name; enough for ffmpeg's small files). */
    public static byte[] boxPayload(Path mp4, String type) throws IOException {
        byte[] file = Files.readAllBytes(mp4);
        byte[] name = type.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 4; i + 4 <= file.length; i++) {
            if (Arrays.equals(file, i, i + 4, name, 0, 4)) {
                int size = ((file[i - 4] & 0xFF) << 24) | ((file[i - 3] & 0xFF) << 16) | ((file[i - 2] & 0xFF) << 8) | (file[i - 1] & 0xFF);
                return Arrays.copyOfRange(file, i + 4, i - 4 + size);
            }
        }
        throw new IllegalStateException("no " + type + " box in " + mp4);
    }

    private static List<String> run(Path dir, String... command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "ffmpeg", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(command[0] + " timed out");
        }
        List<String> output = new ArrayList<>(Files.readAllLines(log));
        Files.delete(log);
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        return output;
    }
}
