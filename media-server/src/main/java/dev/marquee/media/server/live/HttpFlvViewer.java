package dev.marquee.media.server.live;

import dev.marquee.media.core.flv.FlvTagWriter;
import dev.marquee.media.live.FrameForm;
import dev.marquee.media.live.LiveConsumer;
import dev.marquee.media.live.LiveSink;
import dev.marquee.media.live.StreamTracks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP-FLV viewer, once its response head is out: the only handler left in its pipeline. Frames arrive in
 * the form that already frames them for this connection (each tag its own HTTP chunk, or bare tags for HTTP/1.0,
 * where the end of the stream is the end of the connection), so they go out exactly as shared, never copied:
 * a merged round is one buffer and one write.
 */
final class HttpFlvViewer extends ChannelInboundHandlerAdapter implements LiveSink {
    static final String NAME = "live-flv";
    private static final Logger log = LoggerFactory.getLogger(HttpFlvViewer.class);
    private static final ByteBuf LAST_CHUNK = constant("0\r\n\r\n");

    private final Channel channel;
    private final boolean chunked;
    private final ViewerStallTimer stall;
    private ChannelHandlerContext ctx;
    private LiveConsumer consumer;
    private boolean ended;

    HttpFlvViewer(Channel channel, boolean chunked, Duration stallTimeout) {
        this.channel = channel;
        this.chunked = chunked;
        this.stall = new ViewerStallTimer(channel, stallTimeout);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** The response head is written: send the FLV file header, naming the stream's tracks; frames follow from the fan-out. */
    void start(LiveConsumer consumer, StreamTracks tracks) {
        this.consumer = consumer;
        channel.config().setWriteBufferWaterMark(LiveStreaming.VIEWER_WATERMARK);
        ByteBuf header = FlvTagWriter.encodeFileHeader(channel.alloc(), tracks.audio(), tracks.video());
        write(chunked ? FlvFrameForm.chunk(channel.alloc(), header) : header);
        flush();
    }

    @Override
    public EventExecutor executor() {
        return channel.eventLoop();
    }

    @Override
    public FrameForm form() {
        return chunked ? FlvFrameForm.HTTP_CHUNK : FlvFrameForm.PLAIN;
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    @Override
    public void write(ByteBuf bytes) {
        if (ended) {
            bytes.release();
            return;
        }
        ctx.write(bytes, ctx.voidPromise()); // a closed channel releases it
    }

    @Override
    public void flush() {
        if (!ended) ctx.flush();
    }

    @Override
    public void end() {
        if (ended) return;
        flush();
        ended = true;
        consumer = null;
        if (!channel.isActive()) return;
        stall.closeSoon();
        // a chunked response ends with its last chunk; a close-delimited one with the close
        ctx.writeAndFlush(chunked ? LAST_CHUNK.duplicate() : Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg); // a live response is the last thing on this connection
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (!ended) stall.writabilityChanged(); // once ended, closeSoon() has the last word
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ended = true;
        stall.cancel();
        if (consumer != null) consumer.close();
        consumer = null;
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("HTTP-FLV viewer {} failed: {}", channel.remoteAddress(), cause.toString());
        } else {
            log.warn("HTTP-FLV viewer {} failed", channel.remoteAddress(), cause);
        }
        ctx.close();
    }

    private static ByteBuf constant(String ascii) {
        byte[] bytes = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
    }
}
