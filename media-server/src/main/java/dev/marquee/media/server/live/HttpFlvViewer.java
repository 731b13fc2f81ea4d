package dev.marquee.media.server.live;

import dev.marquee.media.core.flv.FlvTagWriter;
import dev.marquee.media.live.FrameForm;
import dev.marquee.media.live.LiveConsumer;
import dev.marquee.media.live.LiveSink;
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
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP-FLV viewer, once its response head is out: the only handler left in its pipeline. The frames of a
 * drain are queued as the shared FLV form (never copied) and go out on flush as one HTTP chunk: a tiny size
 * line, the frames, CRLF, gathered by the transport into one writev. HTTP/1.0 clients get the same bytes
 * unframed, the end of the stream being the end of the connection.
 */
final class HttpFlvViewer extends ChannelInboundHandlerAdapter implements LiveSink {
    static final String NAME = "live-flv";
    private static final Logger log = LoggerFactory.getLogger(HttpFlvViewer.class);
    private static final ByteBuf CRLF = constant("\r\n");
    private static final ByteBuf LAST_CHUNK = constant("0\r\n\r\n");
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Channel channel;
    private final boolean chunked;
    private final ViewerStallTimer stall;
    private final List<ByteBuf> batch = new ArrayList<>();
    private ChannelHandlerContext ctx;
    private LiveConsumer consumer;
    private int batchBytes;
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

    /** The response head is written: send the FLV file header; frames follow from the fan-out. */
    void start(LiveConsumer consumer) {
        this.consumer = consumer;
        channel.config().setWriteBufferWaterMark(LiveStreaming.VIEWER_WATERMARK);
        write(FlvTagWriter.encodeFileHeader(channel.alloc(), true, true));
        flush();
    }

    @Override
    public EventExecutor executor() {
        return channel.eventLoop();
    }

    @Override
    public FrameForm form() {
        return FlvFrameForm.INSTANCE;
    }

    @Override
    public boolean isWritable() {
        return batchBytes < channel.bytesBeforeUnwritable();
    }

    @Override
    public void write(ByteBuf bytes) {
        if (ended) {
            bytes.release();
            return;
        }
        batch.add(bytes);
        batchBytes += bytes.readableBytes();
    }

    @Override
    public void flush() {
        if (batch.isEmpty()) return;
        if (!channel.isActive()) {
            releaseBatch();
            return;
        }
        if (chunked) ctx.write(sizeLine(batchBytes), ctx.voidPromise());
        for (int i = 0; i < batch.size(); i++) ctx.write(batch.get(i), ctx.voidPromise());
        if (chunked) ctx.write(CRLF.duplicate(), ctx.voidPromise());
        batch.clear();
        batchBytes = 0;
        ctx.flush();
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

    /** "{hex length}\r\n" in a buffer of its own; the frames around it are shared. */
    private ByteBuf sizeLine(int length) {
        int digits = Math.max(1, (35 - Integer.numberOfLeadingZeros(length)) / 4);
        ByteBuf line = channel.alloc().directBuffer(digits + 2);
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) line.writeByte(HEX[(length >>> shift) & 0xF]);
        return line.writeByte('\r').writeByte('\n');
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
        releaseBatch();
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

    private void releaseBatch() {
        for (ByteBuf b : batch) b.release();
        batch.clear();
        batchBytes = 0;
    }

    private static ByteBuf constant(String ascii) {
        byte[] bytes = ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer(bytes.length).writeBytes(bytes));
    }
}
