package dev.marquee.media.live;

import dev.marquee.media.core.codec.AudioCodec;
import dev.marquee.media.core.codec.VideoCodec;

/**
 * What a stream's publisher is sending, as measured on arrival.
 *
 * @param video                  the video codec of the sequence header, null before one (or without video)
 * @param audio                  the audio codec, null before the first audio
 * @param width                  the picture width the metadata announces, 0 when it does not
 * @param height                 the picture height the metadata announces, 0 when it does not
 * @param frameRate              video frames per second received over the last few seconds
 * @param bitsPerSecond          everything received (audio, video, metadata) over the last few seconds
 * @param keyframeIntervalMillis stream time between the last two keyframes, 0 before the second
 */
public record IngestStats(VideoCodec video, AudioCodec audio, int width, int height, double frameRate, long bitsPerSecond,
                          long keyframeIntervalMillis) {
    /** Before the first whole second of a stream, or while nothing arrives. */
    static final IngestStats NOTHING = new IngestStats(null, null, 0, 0, 0, 0, 0);

    /** The same stream with nothing arriving now. */
    IngestStats stalled() {
        return new IngestStats(video, audio, width, height, 0, 0, keyframeIntervalMillis);
    }
}
