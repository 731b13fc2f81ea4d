package dev.marquee.media.server.live;

import dev.marquee.media.hls.LiveHlsSegmenter;
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

    private final LiveRegistry registry;
    private final Path recordings;
    private final StreamLifecycleListener listener;
    private final EventExecutor packager = new DefaultEventExecutor(Thread.ofPlatform().name("live-packager").daemon().factory());
    private final ConcurrentMap<String, LiveHlsSegmenter> hls = new ConcurrentHashMap<>();

    LiveCompanions(LiveRegistry registry, Path recordings, StreamLifecycleListener listener) {
        this.registry = registry;
        this.recordings = recordings;
        this.listener = listener;
    }

    /** A stream started (not resumed after a reconnect): record it and package it as HLS. */
    void attach(String stream) {
        LiveHlsSegmenter segmenter = new LiveHlsSegmenter();
        hls.put(stream, segmenter);
        registry.subscribe(stream, new HlsPackagerSink(segmenter, packager, () ->
                packager.schedule(() -> hls.remove(stream, segmenter), ENDED_PLAYLIST_SECONDS, TimeUnit.SECONDS)));
        try {
            Files.createDirectories(recordings);
            Path file = recordings.resolve(stream + "-" + Instant.now().toEpochMilli() + ".flv");
            registry.subscribe(stream, new RecordingSink(stream, file, packager, listener));
        } catch (IOException e) {
            log.warn("Cannot record {}: {}", stream, e.toString());
        }
    }

    Optional<LiveHlsSegmenter> hls(String stream) {
        return Optional.ofNullable(hls.get(stream));
    }

    @Override
    public void close() {
        packager.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
