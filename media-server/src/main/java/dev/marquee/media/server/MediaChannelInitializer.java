package dev.marquee.media.server;

import dev.marquee.media.server.http.CorsPolicy;
import dev.marquee.media.server.live.LiveStreaming;
import dev.marquee.media.server.http.IdleCloseHandler;
import dev.marquee.media.server.vod.VodRequestHandler;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of one media connection: idle timeout, flush batching, HTTP codec with tight limits, the
 * HTTP-FLV handler (which strips the pipeline down to its viewer once a live stream starts), VOD handler.
 */
final class MediaChannelInitializer extends ChannelInitializer<Channel> {
    static final int MAX_INITIAL_LINE = 4096;
    static final int MAX_HEADER_BYTES = 8192;
    // Pipelined requests read in one go get their replies flushed once, after the read completes.
    private static final int FLUSH_AFTER_WRITES = 64;

    private final MediaServerSettings settings;
    private final VodRequestHandler vodHandler;
    private final ChannelHandler liveHandler;
    private final ChannelHandler liveHlsHandler;

    MediaChannelInitializer(MediaServerSettings settings, LiveStreaming live) {
        this.settings = settings;
        CorsPolicy cors = new CorsPolicy(settings.allowedOrigins());
        this.vodHandler = new VodRequestHandler(settings.mediaRoot(), settings.signer(), cors, settings.playlistMaxAge(),
                settings.smallFileCacheBytes());
        this.liveHandler = live.httpFlvHandler(cors);
        this.liveHlsHandler = live.liveHlsHandler(cors);
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        // observeOutput: a slow download that is still draining is not idle.
        p.addLast("idle", new IdleStateHandler(true, 0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
        p.addLast("idle-close", IdleCloseHandler.INSTANCE);
        p.addLast("flush", new FlushConsolidationHandler(FLUSH_AFTER_WRITES, false));
        p.addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_INITIAL_LINE)
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                .setMaxChunkSize(8192)));
        p.addLast("live-hls", liveHlsHandler);
        p.addLast("live", liveHandler);
        p.addLast("vod", vodHandler);
    }
}
