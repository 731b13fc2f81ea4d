package dev.marquee.media.server.live;

/**
 * Keeps one track's timestamps from running backwards. RTMP timestamps are decode times, so an honest
 * encoder never goes back on a track; a small step back (jitter) is clamped, a big one is a broken or
 * hostile publisher. Differences are taken modulo 2^32, so the wrap after 49 days counts as forward.
 */
final class TimestampGuard {
    static final int TOLERANCE_MILLIS = 1000;

    private long last = -1;

    /** The timestamp to pass on, or -1 when it went back by more than the tolerance. */
    long check(long timestamp) {
        if (last < 0) {
            last = timestamp;
            return timestamp;
        }
        int delta = (int) (timestamp - last);
        if (delta >= 0) {
            last = timestamp;
            return timestamp;
        }
        return delta >= -TOLERANCE_MILLIS ? last : -1;
    }

    long last() {
        return last;
    }
}
