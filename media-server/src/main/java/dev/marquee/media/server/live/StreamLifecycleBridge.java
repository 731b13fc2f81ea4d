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
 * of joins becomes one call with the latest count.
 */
final class StreamLifecycleBridge implements StreamListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamLifecycleBridge.class);

    private final StreamLifecycleListener target;
    private final ExecutorService thread;
    private final ConcurrentMap<String, Integer> pendingViewers = new ConcurrentHashMap<>();

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
        if (pendingViewers.put(name, viewers) != null) return; // a call is queued already and will read the latest
        submit(() -> {
            Integer latest = pendingViewers.remove(name);
            if (latest != null) target.viewersChanged(name, latest);
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
