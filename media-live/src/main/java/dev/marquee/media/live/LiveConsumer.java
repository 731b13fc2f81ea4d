package dev.marquee.media.live;

import io.netty.util.concurrent.EventExecutor;

/**
 * One viewer of a live stream: its sink and its position in its group's window. The position is touched
 * only on the sink's event loop; the counters may be read anywhere.
 */
public final class LiveConsumer {
    private final LiveSource source;
    private final LiveSink sink;

    // Owned by the sink's event loop.
    ConsumerGroup group;
    long cursor;
    boolean waiting = true;
    long waitFrom;
    boolean started;
    boolean fresh;
    boolean closed;
    /** The header frames this viewer last got, per kind; compared by identity only, never dereferenced. */
    final SharedFrame[] sentHeaders = new SharedFrame[FrameKind.HEADERS.length];

    private volatile long droppedFrames;
    private volatile long sentFrames;

    LiveConsumer(LiveSource source, LiveSink sink) {
        this.source = source;
        this.sink = sink;
    }

    public String streamName() {
        return source.name();
    }

    public LiveSink sink() {
        return sink;
    }

    /** Frames this viewer never got because it fell too far behind (or its loop did). */
    public long droppedFrames() {
        return droppedFrames;
    }

    /** Frames written to the sink, headers included. */
    public long sentFrames() {
        return sentFrames;
    }

    /** Stops the stream for this viewer (e.g. its connection closed); safe to call more than once, anywhere. */
    public void close() {
        EventExecutor loop = sink.executor();
        if (!loop.inEventLoop()) {
            loop.execute(this::close);
            return;
        }
        if (closed) return;
        closed = true;
        if (group != null) group.remove(this);
        source.detach(this);
    }

    /** The stream had ended before this viewer got in: end it on its own loop. */
    void endBeforeStart() {
        EventExecutor loop = sink.executor();
        if (!loop.inEventLoop()) {
            loop.execute(this::endBeforeStart);
            return;
        }
        if (closed) return;
        closed = true;
        sink.end();
    }

    void countDropped(long frames) {
        droppedFrames = droppedFrames + frames; // single writer: the sink's loop
    }

    void countSent(long frames) {
        sentFrames = sentFrames + frames;
    }

    @Override
    public String toString() {
        return "LiveConsumer[" + source.name() + " sent=" + sentFrames + " dropped=" + droppedFrames + "]";
    }
}
