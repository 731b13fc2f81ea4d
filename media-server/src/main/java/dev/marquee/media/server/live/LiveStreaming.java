package dev.marquee.media.server.live;

import dev.marquee.media.live.LiveRegistry;
import dev.marquee.media.live.LiveSource;
import dev.marquee.media.live.StreamListener;
import dev.marquee.media.server.MediaServerSettings;
import dev.marquee.media.server.http.CorsPolicy;
import dev.marquee.media.server.spi.IngestReport;
import dev.marquee.media.server.spi.StreamLifecycleListener;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.WriteBufferWaterMark;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The live side of the media server: the stream registry, the RTMP port's pipeline (publish and play) and
 * the HTTP-FLV handler of the media port, plus the two small thread pools they need off the event loops:
 * one asks the {@code PublishAuthorizer} (it may read a database), one tells the lifecycle listener.
 */
public final class LiveStreaming implements AutoCloseable {
    /**
     * Every viewer connection's write buffer: a GOP of a few Mb/s fits under the high mark (the buffers are the
     * shared frames, so this costs no memory per viewer); below the low mark the fan-out writes again.
     */
    static final WriteBufferWaterMark VIEWER_WATERMARK = new WriteBufferWaterMark(1 << 20, 2 << 20);
    /** Publish requests waiting for authorization beyond this are refused: a flood cannot queue without bound. */
    private static final int MAX_WAITING_PUBLISHES = 256;

    private final MediaServerSettings settings;
    private final StreamLifecycleBridge lifecycle; // null when nobody listens
    private final LiveRegistry registry;
    private final ThreadPoolExecutor authorizing;
    private final LiveCompanions companions;

    public LiveStreaming(MediaServerSettings settings) {
        this.settings = settings;
        boolean listened = settings.lifecycleListener() != StreamLifecycleListener.NONE;
        this.lifecycle = listened ? new StreamLifecycleBridge(settings.lifecycleListener()) : null;
        this.registry = new LiveRegistry(settings.liveSettings(), listened ? lifecycle : StreamListener.NONE);
        this.authorizing = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_WAITING_PUBLISHES), Thread.ofPlatform().name("rtmp-authorize-", 0).daemon().factory());
        authorizing.allowCoreThreadTimeOut(true);
        this.companions = new LiveCompanions(registry, settings.mediaRoot().resolve("recordings"), settings.lifecycleListener());
    }

    public LiveRegistry registry() {
        return registry;
    }

    /** What the stream's publisher sends now; empty when nobody publishes it. */
    public Optional<IngestReport> ingest(String stream) {
        return registry.source(stream).filter(LiveSource::isPublishing).map(source -> IngestReports.of(source.ingestStats()));
    }

    /** The pipeline of each RTMP connection. */
    public ChannelInitializer<Channel> rtmpInitializer() {
        return new RtmpChannelInitializer(registry, settings.publishAuthorizer(), settings.playbackAuthorizer(),
                authorizing, settings.idleTimeout(), companions::attach);
    }

    /** Goes in the media port's pipeline after the HTTP codec: takes {@code /live/{stream}.flv}, passes the rest on. */
    public ChannelHandler httpFlvHandler(CorsPolicy cors) {
        return new HttpFlvRequestHandler(registry, settings.playbackAuthorizer(), cors, settings.idleTimeout());
    }

    /** Goes before the HTTP-FLV handler: takes {@code /live/{stream}/index.m3u8} and its segments. */
    public ChannelHandler liveHlsHandler(CorsPolicy cors) {
        return new LiveHlsRequestHandler(companions, settings.playbackAuthorizer(), cors);
    }

    /** Called before the event loops stop, so the server's own consumers can leave cleanly. */
    public void releaseCompanions() {
        companions.releaseConsumers();
    }

    @Override
    public void close() {
        companions.close();
        authorizing.shutdownNow();
        if (lifecycle != null) lifecycle.close();
    }
}
