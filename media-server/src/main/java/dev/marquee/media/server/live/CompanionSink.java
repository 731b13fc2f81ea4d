package dev.marquee.media.server.live;

import dev.marquee.media.live.FrameForm;
import dev.marquee.media.live.LiveSink;
import io.netty.util.concurrent.EventExecutor;

/**
 * A consumer the server attaches to a stream for itself (recorder, HLS packager): it takes the shared
 * FLV form like an HTTP-FLV viewer, runs on the packager thread and is not counted as a viewer.
 */
abstract class CompanionSink implements LiveSink {
    private final EventExecutor executor;

    CompanionSink(EventExecutor executor) {
        this.executor = executor;
    }

    @Override
    public final EventExecutor executor() {
        return executor;
    }

    @Override
    public final FrameForm form() {
        return FlvFrameForm.PLAIN;
    }

    @Override
    public final boolean isAudience() {
        return false;
    }

    @Override
    public void flush() {
        // companions write as frames come; there is no socket to flush
    }
}
