package dev.marquee.media.live;

/**
 * Keeps a stream's timestamps increasing when its publisher comes back within the grace period: the new
 * session is shifted to continue just after the last timestamp viewers got. Viewers never rebase on their
 * own, so every viewer can share the same bytes. Confined to the source's event loop.
 */
final class TimestampRebaser {
    private long lastOut = -1;
    private long offset;
    private long floor;
    private boolean rebasePending;

    /** A new publishing session begins; its first frame will follow the last one sent. */
    void sessionChanged() {
        if (lastOut >= 0) rebasePending = true;
    }

    /** The timestamp to send for a frame published at {@code timestamp}. */
    long map(long timestamp) {
        if (rebasePending) {
            rebasePending = false;
            floor = lastOut + 1;
            offset = floor - timestamp;
        }
        long out = Math.max(timestamp + offset, floor); // a frame stamped before the session's first stays after the old one
        lastOut = Math.max(lastOut, out);
        return out & 0xFFFFFFFFL;
    }
}
