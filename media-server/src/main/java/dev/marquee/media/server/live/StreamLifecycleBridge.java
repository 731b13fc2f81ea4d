package dev.marquee.media.server.live;

import dev.marquee.media.live.StreamListener;
import dev.marquee.media.server.spi.StreamLifecycleListener;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the control plane what media-live tells us, on one thread of its own and in order, so a listener
 * that touches a database never stalls an event loop. Audience changes are coalesced per stream: a burst
 * of joins becomes one call with the latest count, preceded by the burst's peak when it was higher (a stream's
 * peak audience is kept for its streamer).
 */
final class StreamLifecycleBridge implements StreamListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamLifecycleBridge.class);

    private final StreamLifecycleListener target;
    private final ExecutorService thread;
    private final ConcurrentMap<String, PendingViewers> pendingViewers = new ConcurrentHashMap<>();

    /** The latest count not yet told, and the most it reached since the last call. */
    private record PendingViewers(int latest, int peak) {}

    StreamLifecycleBridge(StreamLifecycleListener target) {
        this.target = target;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("live-events").daemon().factory());
    }

    @Override
    public void streamStarted(String name) {
        submit(() -> target.streamStarted(name));
    }

    @Override
    public void streamEnded(String name) {
        submit(() -> target.streamEnded(name));
    }

    @Override
    public void viewersChanged(String name, int viewers) {
        boolean[] queued = {true};
        pendingViewers.compute(name, (n, pending) -> {
            if (pending != null) return new PendingViewers(viewers, Math.max(pending.peak(), viewers));
            queued[0] = false;
            return new PendingViewers(viewers, viewers);
        });
        if (queued[0]) return; // a call is queued already and will read the latest
        submit(() -> {
            PendingViewers pending = pendingViewers.remove(name);
            if (pending == null) return;
            if (pending.peak() > pending.latest()) target.viewersChanged(name, pending.peak());
            target.viewersChanged(name, pending.latest());
        });
    }

    private void submit(Runnable call) {
        try {
            thread.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    log.warn("stream lifecycle listener failed", e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // the server is closing; the control plane stops with it
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
