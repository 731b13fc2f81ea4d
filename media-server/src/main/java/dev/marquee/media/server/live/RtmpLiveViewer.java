package dev.marquee.media.server.live;

import dev.marquee.media.live.FrameForm;
import dev.marquee.media.live.LiveConsumer;
import dev.marquee.media.live.LiveRegistry;
import dev.marquee.media.live.LiveSink;
import dev.marquee.media.rtmp.server.RtmpPlayListener;
import dev.marquee.media.rtmp.server.RtmpPlayRequest;
import dev.marquee.media.rtmp.server.RtmpServerSession;
import dev.marquee.media.server.spi.PlaybackAuthorizer;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RTMP player of {@code rtmp://host/live/{stream}}: checked with the {@link PlaybackAuthorizer}, then a
 * viewer of the stream written the shared RTMP form of each frame. Sits after the session in the pipeline
 * to see its connection's writability.
 */
final class RtmpLiveViewer extends ChannelInboundHandlerAdapter implements RtmpPlayListener, LiveSink {
    static final String APP = "live";
    private static final Logger log = LoggerFactory.getLogger(RtmpLiveViewer.class);

    private final Channel channel;
    private final LiveRegistry registry;
    private final PlaybackAuthorizer authorizer;
    private final ViewerStallTimer stall;
    private RtmpPlayRequest request;
    private RtmpServerSession session;
    private LiveConsumer consumer;

    RtmpLiveViewer(Channel channel, LiveRegistry registry, PlaybackAuthorizer authorizer, Duration stallTimeout) {
        this.channel = channel;
        this.registry = registry;
        this.authorizer = authorizer;
        this.stall = new ViewerStallTimer(channel, stallTimeout);
    }

    @Override
    public CompletionStage<Boolean> onPlay(RtmpPlayRequest request) {
        this.request = request;
        String name = request.streamName();
        boolean accepted = APP.equals(request.app()) && StreamNames.isValid(name)
                && mayPlay(name, request.queryParameter("token")) && registry.source(name).isPresent();
        if (!accepted) log.debug("{} may not play {}/{}", channel.remoteAddress(), request.app(), name);
        return CompletableFuture.completedFuture(accepted);
    }

    private boolean mayPlay(String name, String token) {
        try {
            return authorizer.mayPlay(name, token);
        } catch (RuntimeException e) {
            log.warn("playback authorizer failed for {}", name, e);
            return false;
        }
    }

    @Override
    public void onPlayStarted(RtmpServerSession session) {
        this.session = session;
        // a player sends next to nothing; from now on the stall timer tells a dead one
        if (channel.pipeline().get(RtmpChannelInitializer.IDLE) != null) channel.pipeline().remove(RtmpChannelInitializer.IDLE);
        Optional<LiveConsumer> subscribed = registry.subscribe(request.streamName(), this);
        if (subscribed.isEmpty()) {
            session.endPlayback(); // it ended between the check and now
            stall.closeSoon();
            return;
        }
        consumer = subscribed.get();
        channel.config().setWriteBufferWaterMark(LiveStreaming.VIEWER_WATERMARK);
        stall.writabilityChanged();
    }

    @Override
    public void onPlayStopped() {
        if (consumer != null || !channel.isOpen()) stall.cancel(); // after the end, closeSoon() stays armed until the close
        if (consumer != null) consumer.close();
        consumer = null;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (consumer != null) stall.writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public EventExecutor executor() {
        return channel.eventLoop();
    }

    @Override
    public FrameForm form() {
        return RtmpFrameForm.PLAYER;
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public void write(ByteBuf bytes) {
        session.writeMedia(bytes);
    }

    @Override
    public void flush() {
        session.flushMedia();
    }

    @Override
    public void end() {
        consumer = null;
        session.endPlayback();
        stall.closeSoon();
    }
}
