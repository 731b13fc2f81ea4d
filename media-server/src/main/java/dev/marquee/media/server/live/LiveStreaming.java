package dev.marquee.media.server.live;

import dev.marquee.media.live.LiveRegistry;
import dev.marquee.media.server.MediaServerSettings;
import dev.marquee.media.server.http.CorsPolicy;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The live side of the media server: the stream registry, the RTMP port's pipeline (publish and play) and
 * the HTTP-FLV handler of the media port, plus the two small thread pools they need off the event loops:
 * one asks the {@code PublishAuthorizer} (it may read a database), one tells the lifecycle listener.
 */
public final class LiveStreaming implements AutoCloseable {
    /** Publish requests waiting for authorization beyond this are refused: a flood cannot queue without bound. */
    private static final int MAX_WAITING_PUBLISHES = 256;

    private final MediaServerSettings settings;
    private final StreamLifecycleBridge lifecycle;
    private final LiveRegistry registry;
    private final ThreadPoolExecutor authorizing;

    public LiveStreaming(MediaServerSettings settings) {
        this.settings = settings;
        this.lifecycle = new StreamLifecycleBridge(settings.lifecycleListener());
        this.registry = new LiveRegistry(settings.liveSettings(), lifecycle);
        this.authorizing = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(MAX_WAITING_PUBLISHES), Thread.ofPlatform().name("rtmp-authorize-", 0).daemon().factory());
        authorizing.allowCoreThreadTimeOut(true);
    }

    public LiveRegistry registry() {
        return registry;
    }

    /** The pipeline of each RTMP connection. */
    public ChannelInitializer<Channel> rtmpInitializer() {
        return new RtmpChannelInitializer(registry, settings.publishAuthorizer(), settings.playbackAuthorizer(),
                authorizing, settings.idleTimeout());
    }

    /** Goes in the media port's pipeline after the HTTP codec: takes {@code /live/{stream}.flv}, passes the rest on. */
    public ChannelHandler httpFlvHandler(CorsPolicy cors) {
        return new HttpFlvRequestHandler(registry, settings.playbackAuthorizer(), cors, settings.idleTimeout());
    }

    @Override
    public void close() {
        authorizing.shutdownNow();
        lifecycle.close();
    }
}
