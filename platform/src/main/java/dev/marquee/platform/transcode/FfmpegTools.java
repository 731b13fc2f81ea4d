package dev.marquee.platform.transcode;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Where ffmpeg and ffprobe live. {@link #locate} checks once, at start-up, that the ffmpeg found
 * can encode the ladder, so a missing encoder is an operator's error message and not a failed job.
 */
public record FfmpegTools(Path ffmpeg, Path ffprobe) {

    static final List<String> REQUIRED_ENCODERS = List.of("libx264", "aac");

    /**
     * Finds ffmpeg and ffprobe in {@code configuredDir}, or on the PATH when it is null or blank,
     * and verifies that ffmpeg has the libx264 and aac encoders.
     *
     * @throws IllegalStateException saying what is missing and how to fix it
     */
    public static FfmpegTools locate(String configuredDir) {
        boolean configured = configuredDir != null && !configuredDir.isBlank();
        List<Path> dirs = configured ? List.of(Path.of(configuredDir.strip())) : pathDirs();
        String where = configured ? "in the configured ffmpeg directory " + configuredDir.strip() : "on the PATH";
        Path ffmpeg = find("ffmpeg", dirs);
        if (ffmpeg == null) {
            throw new IllegalStateException("ffmpeg was not found " + where + ". Install ffmpeg (Debian/Ubuntu: "
                    + "apt-get install ffmpeg) or set the ffmpeg directory to the folder that holds ffmpeg and ffprobe.");
        }
        Path ffprobe = find("ffprobe", configured ? dirs : withFirst(ffmpeg.getParent(), dirs));
        if (ffprobe == null) {
            throw new IllegalStateException("ffprobe was not found " + where + " (ffmpeg is at " + ffmpeg
                    + "). ffprobe ships with ffmpeg: install the full ffmpeg package or set the ffmpeg directory "
                    + "to a folder holding both.");
        }
        List<String> missing = missingEncoders(ffmpeg);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("ffmpeg at " + ffmpeg + " lacks the encoder(s) " + String.join(", ", missing)
                    + "; Marquee needs libx264 and aac. Install an ffmpeg built with --enable-gpl --enable-libx264 "
                    + "(the Debian/Ubuntu ffmpeg package is) or set the ffmpeg directory to such a build.");
        }
        return new FfmpegTools(ffmpeg, ffprobe);
    }

    private static List<String> missingEncoders(Path ffmpeg) {
        String listing;
        try {
            Process p = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-encoders")
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            try (InputStream in = p.getInputStream()) {
                listing = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("ffmpeg at " + ffmpeg + " did not answer `ffmpeg -encoders` within 30 s");
            }
        } catch (IOException e) {
            throw new IllegalStateException("ffmpeg at " + ffmpeg + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking ffmpeg's encoders", e);
        }
        Set<String> names = new HashSet<>();
        for (String line : listing.split("\n")) {
            String[] cols = line.strip().split("\\s+");
            // encoder lines look like " V....D libx264   libx264 H.264 / AVC ..."
            if (cols.length >= 2 && cols[0].length() == 6) {
                names.add(cols[1]);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String encoder : REQUIRED_ENCODERS) {
            if (!names.contains(encoder)) {
                missing.add(encoder);
            }
        }
        return missing;
    }

    private static List<Path> pathDirs() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        return dirs;
    }

    private static List<Path> withFirst(Path first, List<Path> rest) {
        List<Path> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static Path find(String program, List<Path> dirs) {
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        for (Path dir : dirs) {
            Path candidate = dir.resolve(windows ? program + ".exe" : program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return null;
    }
}
