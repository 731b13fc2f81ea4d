package dev.marquee.media.live;

/**
 * The recent frames a consumer group holds, addressed by sequence number so each viewer's position is a
 * plain {@code long}. Keeps running byte totals so a backlog is measured in O(1), and remembers the header
 * frames it trimmed so a viewer starting later still gets them. Confined to the group's event loop.
 */
final class FrameWindow {
    private SharedFrame[] frames = new SharedFrame[64];
    private long[] bytesBefore = new long[64];
    private long firstSeq;
    private long endSeq;
    private long totalBytes;
    private long newestSyncSeq = -1;
    private final SharedFrame[] trimmedHeaders = new SharedFrame[FrameKind.HEADERS.length];
    private final long[] trimmedHeaderSeqs = {-1, -1, -1};

    long firstSeq() {
        return firstSeq;
    }

    long endSeq() {
        return endSeq;
    }

    SharedFrame get(long seq) {
        return frames[index(seq)];
    }

    /** Takes over the caller's reference. */
    void append(SharedFrame frame) {
        if (endSeq - firstSeq == frames.length) grow();
        int i = index(endSeq);
        frames[i] = frame;
        bytesBefore[i] = totalBytes;
        totalBytes += frame.size();
        if (frame.kind() == FrameKind.SYNC_POINT) newestSyncSeq = endSeq;
        endSeq++;
    }

    /** Bytes from {@code seq} to the end. */
    long bytesFrom(long seq) {
        return seq >= endSeq ? 0 : totalBytes - bytesBefore[index(seq)];
    }

    /** Milliseconds of stream from {@code seq} to the newest frame. */
    long millisFrom(long seq) {
        return seq >= endSeq ? 0 : Math.max(0, get(endSeq - 1).timestamp() - get(seq).timestamp());
    }

    /** The newest keyframe still held, or -1. */
    long newestSyncSeq() {
        return newestSyncSeq >= firstSeq ? newestSyncSeq : -1;
    }

    /** The newest keyframe is no place to start any more (its session ended); the next one will be. */
    void forgetNewestSync() {
        newestSyncSeq = -1;
    }

    /** The first keyframe at or after {@code seq}, or -1. */
    long firstSyncFrom(long seq) {
        for (long s = Math.max(seq, firstSeq); s < endSeq; s++) {
            if (get(s).kind() == FrameKind.SYNC_POINT) return s;
        }
        return -1;
    }

    /** Frames in [from, to) that are not headers: what a skipping viewer loses. */
    long countMedia(long from, long to) {
        long n = 0;
        for (long s = Math.max(from, firstSeq); s < to; s++) {
            if (!get(s).kind().isHeader()) n++;
        }
        return n;
    }

    /** The sequence number of the newest header of {@code kind} before {@code seq}, or -1 if none. */
    long headerSeqBefore(long seq, FrameKind kind) {
        for (long s = Math.min(seq, endSeq) - 1; s >= firstSeq; s--) {
            if (get(s).kind() == kind) return s;
        }
        return trimmedHeaderSeqs[kind.headerSlot];
    }

    /** The header frame {@link #headerSeqBefore} found. */
    SharedFrame header(long seq, FrameKind kind) {
        return seq >= firstSeq ? get(seq) : trimmedHeaders[kind.headerSlot];
    }

    /** Releases frames before {@code seq}; headers among them are kept aside for later starters. */
    void trimBefore(long seq) {
        long until = Math.min(seq, endSeq);
        for (; firstSeq < until; firstSeq++) {
            int i = index(firstSeq);
            SharedFrame f = frames[i];
            frames[i] = null;
            int slot = f.kind().headerSlot;
            if (slot >= 0) {
                if (trimmedHeaders[slot] != null) trimmedHeaders[slot].release();
                trimmedHeaders[slot] = f;
                trimmedHeaderSeqs[slot] = firstSeq;
            } else {
                f.release();
            }
        }
    }

    /** Releases everything, headers included. */
    void release() {
        trimBefore(endSeq);
        for (int i = 0; i < trimmedHeaders.length; i++) {
            if (trimmedHeaders[i] != null) trimmedHeaders[i].release();
            trimmedHeaders[i] = null;
        }
    }

    private int index(long seq) {
        return (int) (seq & (frames.length - 1));
    }

    private void grow() {
        int n = frames.length;
        SharedFrame[] f = new SharedFrame[n * 2];
        long[] b = new long[n * 2];
        for (long s = firstSeq; s < endSeq; s++) {
            f[(int) (s & (2L * n - 1))] = frames[(int) (s & (n - 1))];
            b[(int) (s & (2L * n - 1))] = bytesBefore[(int) (s & (n - 1))];
        }
        frames = f;
        bytesBefore = b;
    }
}
