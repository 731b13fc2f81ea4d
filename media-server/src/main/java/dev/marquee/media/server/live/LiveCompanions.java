package dev.marquee.media.server.live;

import dev.marquee.media.hls.LiveHlsSegmenter;
import dev.marquee.media.live.LiveConsumer;
import dev.marquee.media.live.LiveRegistry;
import dev.marquee.media.server.spi.StreamLifecycleListener;
import io.netty.util.concurrent.DefaultEventExecutor;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server itself attaches to every new live stream, beside its viewers: the recorder (the
 * session becomes a replay) and the live HLS packager. Both run on one thread of their own, so disk
 * writes and muxing never slow the event loops.
 */
final class LiveCompanions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveCompanions.class);
    /** An ended stream's playlist stays readable this long, so players see #EXT-X-ENDLIST. */
    private static final long ENDED_PLAYLIST_SECONDS = 60;
    /** How often live HLS audiences are counted into their streams' viewer counts. */
    private static final long HLS_COUNT_SECONDS = 2;

    private final LiveRegistry registry;
    private final Path recordings;
    private final StreamLifecycleListener listener;
    private final EventExecutor packager = new DefaultEventExecutor(Thread.ofPlatform().name("live-packager").daemon().factory());
    /** A stream's live HLS: its packager and who downloads its segments. */
    private record LiveHls(LiveHlsSegmenter segmenter, HlsAudience audience) {}

    private final ConcurrentMap<String, LiveHls> hls = new ConcurrentHashMap<>();
    /** The companions of streams still running, so they can be let go at shutdown. */
    private final ConcurrentMap<String, java.util.List<LiveConsumer>> consumers = new ConcurrentHashMap<>();

    LiveCompanions(LiveRegistry registry, Path recordings, StreamLifecycleListener listener) {
        this.registry = registry;
        this.recordings = recordings;
        this.listener = listener;
        packager.scheduleWithFixedDelay(this::countHlsViewers, HLS_COUNT_SECONDS, HLS_COUNT_SECONDS, TimeUnit.SECONDS);
    }

    /** A stream started (not resumed after a reconnect): record it and package it as HLS. */
    void attach(String stream) {
        LiveHlsSegmenter segmenter = new LiveHlsSegmenter();
        LiveHls live = new LiveHls(segmenter, new HlsAudience());
        hls.put(stream, live);
        java.util.List<LiveConsumer> mine = new java.util.concurrent.CopyOnWriteArrayList<>();
        consumers.put(stream, mine);
        registry.subscribe(stream, new HlsPackagerSink(segmenter, packager, () -> {
            consumers.remove(stream, mine);
            packager.schedule(() -> hls.remove(stream, live), ENDED_PLAYLIST_SECONDS, TimeUnit.SECONDS);
        })).ifPresent(mine::add);
        try {
            Files.createDirectories(recordings);
            Path file = recordings.resolve(stream + "-" + Instant.now().toEpochMilli() + ".flv");
            registry.subscribe(stream, new RecordingSink(stream, file, packager, listener)).ifPresent(mine::add);
        } catch (IOException e) {
            log.warn("Cannot record {}: {}", stream, e.toString());
        }
    }

    Optional<LiveHlsSegmenter> hls(String stream) {
        return Optional.ofNullable(hls.get(stream)).map(LiveHls::segmenter);
    }

    /** Who downloads the stream's live HLS segments. */
    Optional<HlsAudience> hlsAudience(String stream) {
        return Optional.ofNullable(hls.get(stream)).map(LiveHls::audience);
    }

    /** Packager thread: each stream's HLS audience joins its viewer count (the stream ignores it once ended). */
    private void countHlsViewers() {
        hls.forEach((stream, live) -> {
            int viewers = live.audience().viewers(live.segmenter().newestSequence());
            registry.source(stream).ifPresent(source -> source.setHlsViewers(viewers));
        });
    }

    /**
     * Lets go of every frame the recorders and packagers hold. Must run while the streams' event loops
     * still run: a consumer leaves through its stream's loop, which then tells the packager thread.
     */
    void releaseConsumers() {
        consumers.values().forEach(list -> list.forEach(LiveConsumer::close));
        consumers.clear();
        try {
            Thread.sleep(100); // the leave hops packager -> stream loop -> packager
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        packager.submit(() -> { }).awaitUninterruptibly(1, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        packager.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }
}
