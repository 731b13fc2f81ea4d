package dev.marquee.platform.transcode;

/**
 * What ffprobe learned about a playable file.
 *
 * @param durationSeconds   duration of the video (the stream's own when known, else the container's)
 * @param width             DISPLAY width: after rotation and non-square pixels, what a viewer sees
 * @param height            DISPLAY height
 * @param hasAudio          whether there is an audio stream to carry over
 * @param videoCodec        ffprobe codec name, e.g. {@code h264}, {@code hevc}, {@code vp9}, {@code av1}
 * @param pixelFormat       ffprobe pixel format, e.g. {@code yuv420p10le}
 * @param frameRate         average frame rate (frames per second)
 * @param rotation          clockwise degrees the picture is turned for display: 0, 90, 180 or 270
 * @param nominalFrameRate  the container's base frame rate (ffprobe {@code r_frame_rate}); differs from the
 *                          average for variable frame rate files; 0 when unknown
 * @param videoStreamIndex  absolute index of the chosen video stream in the file
 * @param audioStreamIndex  absolute index of the chosen audio stream, or -1 without audio
 */
public record ProbeResult(double durationSeconds, int width, int height, boolean hasAudio, String videoCodec,
                          String pixelFormat, double frameRate, int rotation, double nominalFrameRate,
                          int videoStreamIndex, int audioStreamIndex) {

    public ProbeResult {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("display size must be positive: " + width + "x" + height);
        }
        if (hasAudio != (audioStreamIndex >= 0)) {
            throw new IllegalArgumentException("hasAudio and audioStreamIndex disagree");
        }
    }

    /** A file whose first stream is the video and second (if any) the audio, at a constant frame rate. */
    public ProbeResult(double durationSeconds, int width, int height, boolean hasAudio, String videoCodec,
                       String pixelFormat, double frameRate, int rotation) {
        this(durationSeconds, width, height, hasAudio, videoCodec, pixelFormat, frameRate, rotation,
                frameRate, 0, hasAudio ? 1 : -1);
    }

    public boolean portrait() {
        return height > width;
    }

    public int shortSide() {
        return Math.min(width, height);
    }
}
