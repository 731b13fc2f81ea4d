package dev.marquee.media.live;

import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * What a late joiner needs to start at once: the metadata, the sequence headers and the frames since the
 * last keyframe. Bounded by duration and bytes; past either bound it holds no frames until the next keyframe.
 * Confined to the source's event loop.
 */
final class GopCache {
    private final long maxMillis;
    private final long maxBytes;
    private final SharedFrame[] headers = new SharedFrame[FrameKind.HEADERS.length];
    private final ArrayDeque<SharedFrame> frames = new ArrayDeque<>();
    private long bytes;
    private boolean collecting;

    GopCache(long maxMillis, long maxBytes) {
        this.maxMillis = maxMillis;
        this.maxBytes = maxBytes;
    }

    /** Keeps (and retains) the frame if a joiner would need it; returns whether it did. */
    boolean add(SharedFrame frame) {
        FrameKind kind = frame.kind();
        if (kind.isHeader()) {
            SharedFrame old = headers[kind.headerSlot];
            headers[kind.headerSlot] = frame.retain();
            if (old != null) old.release();
            return true;
        }
        if (kind == FrameKind.SYNC_POINT) {
            clearFrames();
            collecting = true;
        }
        if (!collecting) return false;
        frames.addLast(frame.retain());
        bytes += frame.size();
        if (bytes > maxBytes || frame.timestamp() - frames.peekFirst().timestamp() > maxMillis) {
            clearFrames(); // too long a GOP to replay: joiners wait for the next keyframe instead
            collecting = false;
            return false;
        }
        return true;
    }

    /** Hands headers then frames to {@code sink}, each retained for it. */
    void replay(Consumer<SharedFrame> sink) {
        for (SharedFrame header : headers) {
            if (header != null) sink.accept(header.retain());
        }
        for (SharedFrame frame : frames) sink.accept(frame.retain());
    }

    /** Forgets everything, e.g. when the publisher leaves: a new publisher sends fresh headers. */
    void clear() {
        clearFrames();
        collecting = false;
        for (int i = 0; i < headers.length; i++) {
            if (headers[i] != null) headers[i].release();
            headers[i] = null;
        }
    }

    private void clearFrames() {
        SharedFrame f;
        while ((f = frames.pollFirst()) != null) f.release();
        bytes = 0;
    }
}
