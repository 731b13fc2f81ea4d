package dev.marquee.media.hls;

import java.time.Duration;

/**
 * How a live stream is cut for HLS.
 *
 * @param targetDuration  a segment ends at the first keyframe at least this long after its start
 * @param playlistSize    segments listed in the media playlist
 * @param maxSegmentBytes a segment that grows past this (a stream without keyframes) is dropped, not kept
 */
public record HlsSettings(Duration targetDuration, int playlistSize, int maxSegmentBytes) {
    private static final Duration MIN_TARGET = Duration.ofMillis(100);
    private static final int MIN_SEGMENT_BYTES = 64 * 1024;
    public static final HlsSettings DEFAULTS = new HlsSettings(Duration.ofSeconds(2), 6, 64 * 1024 * 1024);

    public HlsSettings {
        if (targetDuration == null || targetDuration.compareTo(MIN_TARGET) < 0) {
            throw new IllegalArgumentException("target duration " + targetDuration + " is under " + MIN_TARGET);
        }
        if (playlistSize < 1) throw new IllegalArgumentException("playlist size " + playlistSize);
        if (maxSegmentBytes < MIN_SEGMENT_BYTES) throw new IllegalArgumentException("max segment bytes " + maxSegmentBytes);
    }

    public HlsSettings withTargetDuration(Duration duration) {
        return new HlsSettings(duration, playlistSize, maxSegmentBytes);
    }

    public HlsSettings withPlaylistSize(int size) {
        return new HlsSettings(targetDuration, size, maxSegmentBytes);
    }
}
