package dev.marquee.media.server.spi;

/**
 * What a live stream's publisher is sending, measured as it arrives: what a streamer checks OBS's settings by.
 *
 * @param videoCodec               e.g. {@code H.264}, {@code HEVC}, {@code AV1}; null before the video's sequence header
 * @param audioCodec               e.g. {@code AAC}; null before the first audio
 * @param width                    the picture width the stream's metadata announces, 0 when it does not
 * @param height                   the picture height, 0 when not announced
 * @param frameRate                video frames per second received over the last few seconds
 * @param bitrate                  bits per second received over the last few seconds; 0 when nothing arrives
 * @param keyframeIntervalSeconds  stream time between the last two keyframes, 0 before the second
 */
public record IngestReport(String videoCodec, String audioCodec, int width, int height, double frameRate, long bitrate,
                           double keyframeIntervalSeconds) {}
