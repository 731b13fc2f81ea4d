package dev.marquee.media.live;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;

/**
 * A viewer's connection as the live fan-out sees it; the media server adapts its channel to this.
 * Every method but {@link #executor()} and {@link #form()} is called only on {@link #executor()}.
 */
public interface LiveSink {

    /** The event loop the connection lives on; all writes happen there. */
    EventExecutor executor();

    /** How frames must be encoded for this viewer. */
    FrameForm form();

    /** False while the connection's outbound buffer is above its high watermark. */
    boolean isWritable();

    /**
     * Queues bytes without flushing; the sink takes over the reference. The bytes are one or more whole frames in
     * {@link #form()}: viewers in step are handed a round's frames merged into one buffer.
     */
    void write(ByteBuf bytes);

    /** Flushes what {@link #write} queued; called once per drain, not per frame. */
    void flush();

    /** False for the server's own consumers (recorder, HLS packager): they are not counted as viewers. */
    default boolean isAudience() {
        return true;
    }

    /** Called once, just before the first frame is written (e.g. to send a stream header). */
    default void onStarted() {}

    /** The stream ended cleanly; nothing more is written. Not called after {@link LiveConsumer#close()}. */
    void end();
}
