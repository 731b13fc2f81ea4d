package dev.marquee.media.live;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live streams of this server by name. Publishing takes a name (or resumes it within its grace period),
 * subscribing attaches a viewer to it. Safe to call from any thread.
 */
public final class LiveRegistry {
    private static final InternalLogger log = InternalLoggerFactory.getInstance(LiveRegistry.class);

    private final ConcurrentMap<String, LiveSource> sources = new ConcurrentHashMap<>();
    private final LiveSettings settings;
    private final StreamListener listener;

    public LiveRegistry(LiveSettings settings, StreamListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    public LiveRegistry() {
        this(LiveSettings.defaults(), StreamListener.NONE);
    }

    /**
     * Starts publishing {@code name} with frames owned by {@code executor} (the publisher's event loop). If
     * the stream's publisher left less than the grace period ago, the same source continues (on its own loop)
     * and its viewers carry on; if someone is publishing it now, the answer is {@link PublishResult.AlreadyPublishing}.
     * {@link StreamListener#streamStarted} is called on this thread before returning.
     */
    public PublishResult publish(String name, EventExecutor executor) {
        PublishResult[] result = new PublishResult[1];
        sources.compute(name, (n, current) -> {
            if (current != null) {
                switch (current.claim()) {
                    case RESUMED -> {
                        result[0] = new PublishResult.Published(current, true);
                        return current;
                    }
                    case BUSY -> {
                        result[0] = new PublishResult.AlreadyPublishing(n);
                        return current;
                    }
                    case ENDED -> { } // gone already: start afresh
                }
            }
            LiveSource fresh = new LiveSource(n, executor, settings, listener, this);
            result[0] = new PublishResult.Published(fresh, false);
            return fresh;
        });
        if (result[0] instanceof PublishResult.Published p && !p.resumed()) {
            notifyListener(() -> listener.streamStarted(name));
        }
        return result[0];
    }

    /**
     * Attaches a viewer to the stream: it starts at once from the last keyframe (metadata and sequence
     * headers first). Empty when no such stream is live or in its grace period.
     */
    public Optional<LiveConsumer> subscribe(String name, LiveSink sink) {
        LiveSource source = sources.get(name);
        if (source == null || source.isEnded()) return Optional.empty();
        return Optional.of(source.subscribe(sink));
    }

    /** The stream, while it is published or in its grace period. */
    public Optional<LiveSource> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    public int viewerCount(String name) {
        LiveSource source = sources.get(name);
        return source == null ? 0 : source.viewerCount();
    }

    /** The grace ran out: removes the stream unless it came back; ended is told under the name's lock, so before any new start. */
    boolean end(LiveSource source) {
        boolean[] ended = {false};
        sources.computeIfPresent(source.name(), (n, current) -> {
            if (current != source || !source.markEnded()) return current;
            ended[0] = true;
            notifyListener(() -> listener.streamEnded(n));
            return null;
        });
        return ended[0];
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("stream listener failed", e);
        }
    }
}
