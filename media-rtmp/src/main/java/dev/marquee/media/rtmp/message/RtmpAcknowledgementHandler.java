package dev.marquee.media.rtmp.message;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;

/**
 * Counts the bytes received and sends an {@link Acknowledgement} each time another window's worth has
 * arrived. Goes first in the pipeline, where it sees raw bytes; its acknowledgements are written from
 * the pipeline's tail so they pass through the message and chunk encoders. The peer's
 * {@link WindowAcknowledgementSize} reaches it through {@link #windowSize(ChannelPipeline, long)}.
 */
public class RtmpAcknowledgementHandler extends ChannelInboundHandlerAdapter {
    /** What FMS, SRS and FFmpeg use until told otherwise. */
    public static final long DEFAULT_WINDOW_SIZE = 2_500_000;

    private long windowSize;
    private long received;
    private long acknowledged;

    public RtmpAcknowledgementHandler() {
        this(DEFAULT_WINDOW_SIZE);
    }

    /** @param windowSize bytes between acknowledgements; 0 to send none until the peer asks */
    public RtmpAcknowledgementHandler(long windowSize) {
        this.windowSize = windowSize;
    }

    /** Applies the peer's Window Acknowledgement Size to the handler in this pipeline, if there is one. */
    public static void windowSize(ChannelPipeline pipeline, long windowSize) {
        RtmpAcknowledgementHandler handler = pipeline.get(RtmpAcknowledgementHandler.class);
        if (handler != null) handler.windowSize(windowSize);
    }

    public void windowSize(long windowSize) {
        this.windowSize = windowSize & 0xFFFFFFFFL;
    }

    public long windowSize() {
        return windowSize;
    }

    /** Bytes received so far (not wrapped). */
    public long bytesReceived() {
        return received;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            received += buf.readableBytes();
            if (windowSize > 0 && received - acknowledged >= windowSize) {
                acknowledged = received;
                ctx.channel().writeAndFlush(new Acknowledgement(received));
            }
        }
        ctx.fireChannelRead(msg);
    }
}
