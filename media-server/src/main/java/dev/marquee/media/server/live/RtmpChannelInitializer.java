package dev.marquee.media.server.live;

import dev.marquee.media.live.LiveRegistry;
import dev.marquee.media.rtmp.chunk.RtmpChunkDecoder;
import dev.marquee.media.rtmp.server.RtmpServerInitializer;
import dev.marquee.media.server.spi.PlaybackAuthorizer;
import dev.marquee.media.server.spi.PublishAuthorizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline of one RTMP connection: a read timeout (until it plays), media-rtmp's codecs and session, and
 * this connection's publisher and player halves.
 */
final class RtmpChannelInitializer extends ChannelInitializer<Channel> {
    static final String IDLE = "rtmp-idle";
    /** Far above any real frame (nginx-rtmp stops at 1 MB), far below what a hostile length may claim (16 MB). */
    static final int MAX_MESSAGE_LENGTH = 8 << 20;
    private static final Logger log = LoggerFactory.getLogger(RtmpChannelInitializer.class);

    private final LiveRegistry registry;
    private final PublishAuthorizer publishAuthorizer;
    private final PlaybackAuthorizer playbackAuthorizer;
    private final Executor authorizing;
    private final Duration idleTimeout;
    private final java.util.function.Consumer<String> onNewStream;

    RtmpChannelInitializer(LiveRegistry registry, PublishAuthorizer publishAuthorizer,
                           PlaybackAuthorizer playbackAuthorizer, Executor authorizing, Duration idleTimeout, java.util.function.Consumer<String> onNewStream) {
        this.onNewStream = onNewStream;
        this.registry = registry;
        this.publishAuthorizer = publishAuthorizer;
        this.playbackAuthorizer = playbackAuthorizer;
        this.authorizing = authorizing;
        this.idleTimeout = idleTimeout;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        // reads only: a publisher never stops sending, a player hardly sends at all (it loses this handler)
        p.addLast(IDLE, new IdleStateHandler(idleTimeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast("rtmp-idle-close", IdleClose.INSTANCE);
        RtmpLiveViewer viewer = new RtmpLiveViewer(ch, registry, playbackAuthorizer, idleTimeout);
        RtmpServerInitializer.configure(p, new LivePublisher(ch, registry, publishAuthorizer, authorizing, onNewStream), viewer);
        p.replace(RtmpChunkDecoder.class, "rtmp-chunk-decoder", new RtmpChunkDecoder(MAX_MESSAGE_LENGTH));
        p.addLast("rtmp-viewer", viewer);
    }

    /** Closes a connection that sent nothing for the idle timeout, in one log line. */
    @ChannelHandler.Sharable
    private static final class IdleClose extends ChannelInboundHandlerAdapter {
        static final IdleClose INSTANCE = new IdleClose();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof IdleStateEvent) {
                log.info("{} sent nothing for {} s; closing the RTMP connection", ctx.channel().remoteAddress(),
                        idleSeconds(ctx));
                ctx.close();
                return;
            }
            super.userEventTriggered(ctx, evt);
        }

        private static long idleSeconds(ChannelHandlerContext ctx) {
            IdleStateHandler idle = (IdleStateHandler) ctx.pipeline().get(IDLE);
            return idle == null ? 0 : idle.getReaderIdleTimeInMillis() / 1000;
        }
    }
}
