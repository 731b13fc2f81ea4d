package dev.marquee.media.hls;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The finished segments of one stream and the playlist naming the newest of them. Written by the stream's
 * event loop only; every change publishes a new immutable {@link HlsSnapshot} through a volatile field, so
 * readers on other threads need no lock.
 */
final class SegmentWindow {
    /** Segments stay fetchable a little after leaving the playlist: a player may have just read one naming them. */
    static final int KEPT_AFTER_PLAYLIST = 2;

    private final int playlistSize;
    private final ArrayDeque<HlsSegment> kept = new ArrayDeque<>();
    private long targetDurationSeconds;
    private long discontinuities;
    private long nextSequence;
    private boolean ended;
    private volatile HlsSnapshot snapshot;

    SegmentWindow(int playlistSize, long targetMillis) {
        this.playlistSize = playlistSize;
        this.targetDurationSeconds = ceilSeconds(targetMillis);
        publish();
    }

    /** The sequence number the next added segment must carry. */
    long nextSequence() {
        return nextSequence;
    }

    void add(HlsSegment segment) {
        if (ended) throw new IllegalStateException("playlist already ended");
        if (segment.sequence() != nextSequence) throw new IllegalArgumentException(segment + ", expected " + nextSequence);
        nextSequence++;
        kept.addLast(segment);
        while (kept.size() > playlistSize + KEPT_AFTER_PLAYLIST) kept.removeFirst();
        if (segment.discontinuity()) discontinuities++;
        // Only ever grows: RFC 8216 forbids changing it, but a long GOP must still fit under it.
        targetDurationSeconds = Math.max(targetDurationSeconds, roundedSeconds(segment.durationMillis()));
        publish();
    }

    void end() {
        if (ended) return;
        ended = true;
        publish();
    }

    HlsSnapshot snapshot() {
        return snapshot;
    }

    private void publish() {
        List<HlsSegment> all = new ArrayList<>(kept);
        List<HlsSegment> listed = all.subList(Math.max(0, all.size() - playlistSize), all.size());
        long listedDiscontinuities = listed.stream().filter(HlsSegment::discontinuity).count();
        long firstSequence = listed.isEmpty() ? nextSequence : listed.get(0).sequence();
        String playlist = MediaPlaylist.render(listed, firstSequence, targetDurationSeconds,
                discontinuities - listedDiscontinuities, ended);
        snapshot = new HlsSnapshot(all, playlist, ended);
    }

    private static long ceilSeconds(long millis) {
        return Math.max(1, (millis + 999) / 1000);
    }

    /**
     * RFC 8216 4.3.3.1 bounds each EXTINF rounded to the nearest second, not its ceiling: a 2.002 s segment
     * (29.97 fps) must not raise the target to 3, which players multiply into their live-edge distance.
     */
    private static long roundedSeconds(long millis) {
        return (millis + 500) / 1000;
    }
}
