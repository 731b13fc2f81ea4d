package dev.marquee.platform.transcode;

import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.transcode.internal.NiceCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Decodes the first picture of a media input (a file, or a URL such as a live HLS playlist) into a small JPEG,
 * with one short ffmpeg run below the server's priority ({@code marquee.transcode-niceness}), like the transcodes.
 */
@Component
public class StillGrabber {
    /** A JPEG of a few hundred pixels is tens of kilobytes; anything near this is not one. */
    static final int MAX_JPEG_BYTES = 4 << 20;

    private final FfmpegTools tools;
    private final int niceness;

    public StillGrabber(FfmpegTools tools, MarqueeProperties props) {
        this.tools = tools;
        this.niceness = props.transcodeNiceness();
    }

    /**
     * The first picture of {@code input}, at most {@code maxHeight} pixels high (never enlarged), as JPEG bytes.
     *
     * @param inputOptions ffmpeg options that go before {@code -i}, e.g. {@code -live_start_index -1}
     * @throws TranscodeException when ffmpeg fails, writes no picture, or takes longer than {@code timeout}
     */
    public byte[] jpeg(List<String> inputOptions, String input, int maxHeight, Duration timeout)
            throws TranscodeException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-hide_banner", "-nostdin", "-v", "error"));
        command.addAll(inputOptions);
        command.addAll(List.of("-i", input, "-map", "0:v:0", "-frames:v", "1",
                "-vf", "scale=-2:min(ih\\," + maxHeight + ")", "-c:v", "mjpeg", "-q:v", "4", "-f", "image2pipe", "pipe:1"));
        Process process;
        try {
            process = new ProcessBuilder(NiceCommand.wrap(command, niceness)).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new TranscodeException("cannot start ffmpeg: " + e.getMessage(), e);
        }
        CompletableFuture<byte[]> stdout = readAll(process.getInputStream(), MAX_JPEG_BYTES + 1);
        CompletableFuture<byte[]> stderr = readAll(process.getErrorStream(), 4096);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TranscodeException("ffmpeg took longer than " + timeout + " for one picture of " + input);
            }
            byte[] jpeg = stdout.get(5, TimeUnit.SECONDS);
            if (process.exitValue() != 0 || jpeg.length == 0 || jpeg.length > MAX_JPEG_BYTES) {
                throw new TranscodeException("ffmpeg wrote no picture (exit " + process.exitValue() + "): "
                        + new String(stderr.get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8).strip());
            }
            return jpeg;
        } catch (ExecutionException | TimeoutException e) {
            throw new TranscodeException("cannot read ffmpeg's output: " + e, e);
        } finally {
            if (process.isAlive()) process.destroyForcibly();
        }
    }

    /** Reads up to {@code limit} bytes on a virtual thread, then drains the rest so the process never blocks on a full pipe. */
    private static CompletableFuture<byte[]> readAll(InputStream in, int limit) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread.ofVirtual().name("ffmpeg-still").start(() -> {
            try (in) {
                byte[] bytes = in.readNBytes(limit);
                in.transferTo(java.io.OutputStream.nullOutputStream());
                result.complete(bytes);
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
