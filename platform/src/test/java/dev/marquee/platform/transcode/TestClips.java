package dev.marquee.platform.transcode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds small test inputs with ffmpeg's {@code testsrc2} and {@code sine} sources into a directory,
 * each once. Sources are encoded with fast settings: what matters is their format, not their quality.
 */
final class TestClips {

    private final FfmpegTools tools;
    private final Path dir;

    TestClips(FfmpegTools tools, Path dir) {
        this.tools = tools;
        this.dir = dir;
    }

    /** 1280x720, 30 fps, 5 s, H.264 + AAC: two HLS segments. */
    Path landscape() {
        return make("landscape.mp4", video("1280x720", 30, 5), sine(5),
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    }

    /** 720x1280 portrait, 3 s, with audio. */
    Path portrait() {
        return make("portrait.mp4", video("720x1280", 30, 3), sine(3),
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
    }

    /** 641x359: odd sizes need 4:4:4 in H.264. */
    Path oddSize() {
        return make("odd.mp4", video("642x360", 25, 3), sine(3), "-vf", "format=yuv444p,crop=641:359",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
    }

    /** 320x240 without any audio stream. */
    Path noAudio() {
        return make("silent.mp4", video("320x240", 30, 3), null,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
    }

    /** 10-bit HEVC, 480x270 at 25 fps, with audio. */
    Path hevc10() {
        return make("hevc10.mp4", video("480x270", 25, 3), sine(3), "-c:v", "libx265", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p10le", "-x265-params", "log-level=error", "-tag:v", "hvc1", "-c:a", "aac",
                "-shortest");
    }

    /** VP9 + Opus in WebM, 320x240. */
    Path vp9() {
        return make("vp9.webm", video("320x240", 30, 3), sine(3), "-c:v", "libvpx-vp9", "-deadline", "realtime",
                "-cpu-used", "8", "-b:v", "300k", "-c:a", "libopus", "-shortest");
    }

    /** AV1 (libaom, fastest), 256x144, no audio. */
    Path av1() {
        return make("av1.mp4", video("256x144", 24, 2), null, "-c:v", "libaom-av1", "-usage", "realtime",
                "-cpu-used", "8", "-b:v", "200k");
    }

    /** 320x240 coded, with a 90° display rotation: shown as 240x320. */
    Path rotated() {
        Path target = dir.resolve("rotated.mp4");
        if (!Files.exists(target)) {
            Path plain = make("unrotated.mp4", video("320x240", 30, 3), sine(3),
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
            ffmpeg("-i", plain.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90", target.toString());
        }
        return target;
    }

    /** Variable frame rate: 30 fps for a second, then every third frame only. */
    Path variableFrameRate() {
        return make("vfr.mp4", video("320x240", 30, 3), sine(3), "-vf", "select='lt(t,1)+not(mod(n,3))'",
                "-fps_mode", "vfr", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest");
    }

    /** A raw H.264 elementary stream: no container, so no duration announced. */
    Path rawH264() {
        return make("raw.h264", video("320x240", 30, 3), null, "-c:v", "libx264", "-preset", "ultrafast",
                "-pix_fmt", "yuv420p", "-f", "h264");
    }

    /** Text with a video's name. */
    Path textNamedMp4() {
        return write("notes.mp4", "These are my notes, not a video.\n".repeat(200).getBytes(StandardCharsets.UTF_8));
    }

    Path png() {
        Path target = dir.resolve("picture.png");
        if (!Files.exists(target)) {
            ffmpeg("-f", "lavfi", "-i", "testsrc2=size=320x240", "-frames:v", "1", target.toString());
        }
        return target;
    }

    Path empty() {
        return write("empty.mp4", new byte[0]);
    }

    /** The first 30% of {@link #landscape()}, whose index (moov) is at the end. */
    Path truncated() {
        return firstPart("truncated.mp4", landscape(), 0.3);
    }

    /** The first 30% of a fast-start copy of {@link #landscape()}: index intact, media cut off. */
    Path truncatedFastStart() {
        Path faststart = dir.resolve("faststart.mp4");
        if (!Files.exists(faststart)) {
            ffmpeg("-i", landscape().toString(), "-c", "copy", "-movflags", "+faststart", faststart.toString());
        }
        return firstPart("truncated-faststart.mp4", faststart, 0.3);
    }

    /** AAC in M4A with no picture. */
    Path audioOnly() {
        return make("song.m4a", null, sine(3), "-c:a", "aac");
    }

    private Path firstPart(String name, Path source, double fraction) {
        try {
            byte[] all = Files.readAllBytes(source);
            return write(name, Arrays.copyOf(all, (int) (all.length * fraction)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String video(String size, int fps, int seconds) {
        return "testsrc2=size=" + size + ":rate=" + fps + ":duration=" + seconds;
    }

    private static String sine(int seconds) {
        return "sine=frequency=440:sample_rate=48000:duration=" + seconds;
    }

    private Path make(String name, String videoSource, String audioSource, String... encode) {
        Path target = dir.resolve(name);
        if (Files.exists(target)) {
            return target;
        }
        List<String> args = new ArrayList<>();
        for (String source : new String[] {videoSource, audioSource}) {
            if (source != null) {
                args.addAll(List.of("-f", "lavfi", "-i", source));
            }
        }
        args.addAll(List.of(encode));
        args.add(target.toString());
        ffmpeg(args.toArray(String[]::new));
        return target;
    }

    private void ffmpeg(String... args) {
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin",
                "-v", "error", "-y"));
        command.addAll(List.of(args));
        run(command);
    }

    /** Runs ffprobe with {@code args} on {@code file} and returns its stdout. */
    String ffprobe(Path file, String... args) {
        List<String> command = new ArrayList<>(List.of(tools.ffprobe().toString(), "-v", "error"));
        command.addAll(List.of(args));
        command.add(file.toString());
        return run(command);
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
