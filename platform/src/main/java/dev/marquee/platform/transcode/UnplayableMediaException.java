package dev.marquee.platform.transcode;

/**
 * The file cannot become a video: its message is written for the uploader ("This file has no
 * video stream (audio only)") and the job should not be retried.
 */
public class UnplayableMediaException extends Exception {

    private final String detail;

    public UnplayableMediaException(String message) {
        this(message, null);
    }

    /** {@code detail} is ffmpeg's own wording, kept for logs, never shown to the uploader. */
    public UnplayableMediaException(String message, String detail) {
        super(message);
        this.detail = detail;
    }

    /** What ffprobe/ffmpeg said, or null. */
    public String detail() {
        return detail;
    }
}
