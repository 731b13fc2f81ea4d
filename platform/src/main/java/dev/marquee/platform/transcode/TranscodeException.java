package dev.marquee.platform.transcode;

/**
 * Encoding failed after the input was accepted by the prober (ffmpeg crashed, the disk filled up,
 * the job was interrupted). The message carries the last lines ffmpeg wrote to stderr; a retry
 * may succeed.
 */
public class TranscodeException extends Exception {

    public TranscodeException(String message) {
        super(message);
    }

    public TranscodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
