package dev.marquee.media.rtmp.server;

import dev.marquee.media.rtmp.chunk.RtmpChunkDecoder;
import dev.marquee.media.rtmp.chunk.RtmpChunkEncoder;
import dev.marquee.media.rtmp.handshake.RtmpHandshakeHandler;
import dev.marquee.media.rtmp.message.RtmpAcknowledgementHandler;
import dev.marquee.media.rtmp.message.RtmpMessageDecoder;
import dev.marquee.media.rtmp.message.RtmpMessageEncoder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import java.util.function.Supplier;

/** The server pipeline for a publishing connection, with a new listener for each connection; players are refused. */
public class RtmpServerInitializer extends ChannelInitializer<Channel> {
    private final Supplier<? extends RtmpPublishListener> listeners;

    public RtmpServerInitializer(Supplier<? extends RtmpPublishListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    protected void initChannel(Channel ch) {
        configure(ch.pipeline(), listeners.get());
    }

    /** ack counter, handshake, chunk codec, message codec, session, in that order; players are refused. */
    public static void configure(ChannelPipeline pipeline, RtmpPublishListener listener) {
        configure(pipeline, listener, RtmpPlayListener.REFUSE);
    }

    /** As {@link #configure(ChannelPipeline, RtmpPublishListener)}, with players handed to {@code playListener}. */
    public static void configure(ChannelPipeline pipeline, RtmpPublishListener listener, RtmpPlayListener playListener) {
        pipeline.addLast("rtmp-ack", new RtmpAcknowledgementHandler());
        pipeline.addLast("rtmp-handshake", new RtmpHandshakeHandler());
        pipeline.addLast("rtmp-chunk-decoder", new RtmpChunkDecoder());
        pipeline.addLast("rtmp-chunk-encoder", new RtmpChunkEncoder());
        pipeline.addLast("rtmp-message-decoder", new RtmpMessageDecoder());
        pipeline.addLast("rtmp-message-encoder", new RtmpMessageEncoder());
        pipeline.addLast("rtmp-session", new RtmpServerSession(listener, playListener));
    }
}
