package dev.marquee.media.server.live;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a live viewer whose connection stays above its high watermark for too long: it stopped reading
 * (or reads far slower than the stream), and the fan-out has stopped writing to it anyway. Cheaper than an
 * {@code IdleStateHandler}, which would add a listener to every write. Confined to the channel's loop.
 */
final class ViewerStallTimer {
    private static final Logger log = LoggerFactory.getLogger(ViewerStallTimer.class);

    private final Channel channel;
    private final long timeoutNanos;
    private long unwritableSince;
    private ScheduledFuture<?> check;

    ViewerStallTimer(Channel channel, Duration timeout) {
        this.channel = channel;
        this.timeoutNanos = timeout.toNanos();
    }

    /** Call from {@code channelWritabilityChanged}. */
    void writabilityChanged() {
        if (channel.isWritable()) {
            unwritableSince = 0;
            return;
        }
        if (unwritableSince != 0) return;
        unwritableSince = System.nanoTime() | 1; // never 0 while stalled
        if (check == null) schedule(timeoutNanos);
    }

    private void schedule(long delayNanos) {
        check = channel.eventLoop().schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void check() {
        check = null;
        if (unwritableSince == 0 || !channel.isActive()) return;
        long stalled = System.nanoTime() - unwritableSince;
        if (stalled < timeoutNanos) {
            schedule(timeoutNanos - stalled);
            return;
        }
        log.debug("{} took no bytes for {} ms; closing", channel.remoteAddress(), TimeUnit.NANOSECONDS.toMillis(stalled));
        channel.close();
    }

    /**
     * The stream ended and the goodbye is queued: a viewer that never takes it must not keep the connection
     * open, so it closes after the timeout whatever happens.
     */
    void closeSoon() {
        cancel();
        check = channel.eventLoop().schedule(() -> {
            if (channel.isOpen()) log.debug("{} did not take the end of the stream; closing", channel.remoteAddress());
            channel.close();
        }, timeoutNanos, TimeUnit.NANOSECONDS);
    }

    void cancel() {
        if (check != null) check.cancel(false);
        check = null;
    }
}
