package dev.marquee.platform.transcode;

import dev.marquee.platform.transcode.internal.FfmpegProcess;
import dev.marquee.platform.transcode.internal.ProbeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Decides whether an upload can become a video: ffprobe reads its streams, then ffmpeg decodes a
 * picture at the start and one near the end, so text files, images, empty, truncated and
 * audio-only files are refused before any encoding starts.
 */
public final class MediaProber {

    public static final String EMPTY = "This file is empty";
    public static final String DAMAGED = "This file is truncated or damaged";

    private static final int STDERR_LINES = 30;
    private static final Set<String> MP4_TOP_BOXES = Set.of("ftyp", "moov", "mdat", "free", "skip", "wide", "pnot");

    private final FfmpegTools tools;

    public MediaProber(FfmpegTools tools) {
        this.tools = tools;
    }

    /**
     * Probes {@code input}.
     *
     * @throws UnplayableMediaException with a message for the uploader when the file is no playable video
     * @throws UncheckedIOException when ffprobe or ffmpeg cannot be run (a retry may help)
     * @throws CancellationException when the calling thread is interrupted (the interrupt flag stays set)
     */
    public ProbeResult probe(Path input) throws UnplayableMediaException {
        try {
            if (!Files.isRegularFile(input)) {
                throw new UnplayableMediaException("The uploaded file is missing", input + " is not a regular file");
            }
            if (Files.size(input) == 0) {
                throw new UnplayableMediaException(EMPTY);
            }
            FfmpegProcess.Outcome probe = FfmpegProcess.capture(List.of(tools.ffprobe().toString(),
                    "-v", "error", "-print_format", "json", "-show_streams", "-show_format", url(input)), STDERR_LINES);
            if (probe.exitCode() != 0) {
                throw refusal(input, probe.stderr());
            }
            ProbeResult result = ProbeReader.read(probe.stdout());
            boolean measured = Double.isNaN(result.durationSeconds());
            if (measured) {
                result = withDuration(result, measureDuration(input, result));
            }
            if (decodedFrames(input, result, 0, 2) == 0) {
                throw new UnplayableMediaException(DAMAGED, "no picture could be decoded at the start");
            }
            // a file cut short with its index up front probes fine; its end does not decode (a measured
            // duration already is where the data ends)
            double tailCheck = Math.min(result.durationSeconds() - 1.0, result.durationSeconds() * 0.9);
            if (!measured && tailCheck > 2 && decodedFrames(input, result, tailCheck, 1) == 0) {
                throw new UnplayableMediaException(DAMAGED,
                        String.format(Locale.ROOT, "no picture could be decoded at %.1f s of %.1f s", tailCheck,
                                result.durationSeconds()));
            }
            return result;
        } catch (IOException e) {
            // ffprobe could not be started or read: the machine's fault, not the file's
            throw new UncheckedIOException("probing " + input + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("probing " + input + " was interrupted");
        }
    }

    private UnplayableMediaException refusal(Path input, String stderr) throws IOException {
        String lower = stderr.toLowerCase(Locale.ROOT);
        boolean damagedHint = lower.contains("partial file") || lower.contains("truncat")
                || lower.contains("end of file") || lower.contains("moov atom not found");
        // "moov atom not found" is also what a text file named .mp4 gets: only a real MP4 start is "truncated"
        boolean looksLikeMp4 = looksLikeMp4(input);
        if (damagedHint && (looksLikeMp4 || !lower.contains("moov atom not found"))) {
            return new UnplayableMediaException(DAMAGED, stderr);
        }
        return new UnplayableMediaException(ProbeReader.UNREADABLE, stderr);
    }

    private static boolean looksLikeMp4(Path input) throws IOException {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(input)) {
            if (in.readNBytes(head, 0, 8) < 8) {
                return false;
            }
        }
        return MP4_TOP_BOXES.contains(new String(head, 4, 4, StandardCharsets.ISO_8859_1));
    }

    /** Decodes up to {@code frames} pictures from {@code at} seconds and counts them. */
    private int decodedFrames(Path input, ProbeResult probe, double at, int frames)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin",
                "-v", "error"));
        if (at > 0) {
            command.addAll(List.of("-ss", String.format(Locale.ROOT, "%.3f", at)));
        }
        command.addAll(List.of("-i", url(input), "-map", "0:" + probe.videoStreamIndex(),
                "-frames:v", Integer.toString(frames), "-f", "framecrc", "-"));
        int[] count = {0};
        FfmpegProcess.run(command, null, line -> {
            if (!line.isBlank() && !line.startsWith("#")) {
                count[0]++;
            }
        }, STDERR_LINES);
        return count[0];
    }

    /** For streams that do not announce their duration (raw H.264, some MKV): read every packet once. */
    private double measureDuration(Path input, ProbeResult probe) throws IOException, InterruptedException,
            UnplayableMediaException {
        long[] micros = {-1};
        FfmpegProcess.run(List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-v", "error",
                "-i", url(input), "-map", "0:" + probe.videoStreamIndex(), "-c", "copy", "-f", "null",
                "-progress", "pipe:1", "-nostats", "-"), null, line -> {
                    if (line.startsWith("out_time_us=")) {
                        try {
                            micros[0] = Math.max(micros[0], Long.parseLong(line.substring(12).strip()));
                        } catch (NumberFormatException ignored) {
                            // N/A
                        }
                    }
                }, STDERR_LINES);
        if (micros[0] <= 0) {
            throw new UnplayableMediaException(DAMAGED, "the duration could not be determined");
        }
        return micros[0] / 1e6;
    }

    private static ProbeResult withDuration(ProbeResult p, double duration) {
        return new ProbeResult(duration, p.width(), p.height(), p.hasAudio(), p.videoCodec(), p.pixelFormat(),
                p.frameRate(), p.rotation(), p.nominalFrameRate(), p.videoStreamIndex(), p.audioStreamIndex());
    }

    /** "file:" keeps ffmpeg from reading a colon in the name as a protocol. */
    static String url(Path input) {
        return "file:" + input.toAbsolutePath();
    }
}
