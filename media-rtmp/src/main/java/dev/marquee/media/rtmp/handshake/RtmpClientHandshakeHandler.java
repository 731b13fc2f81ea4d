package dev.marquee.media.rtmp.handshake;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client side of the simple RTMP handshake, for our own client (tests, bench, edge relay): sends
 * C0+C1 once connected, reads S0+S1+S2, answers C2 (S1 echoed), fires
 * {@link RtmpHandshakeCompletionEvent#SIMPLE} and removes itself, passing on what followed S2.
 */
public class RtmpClientHandshakeHandler extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(RtmpClientHandshakeHandler.class);
    private static final int SIZE = HandshakeDigest.SIZE;

    private enum State {
        SEND_C0C1,
        READ_S0S1S2,
        DONE,
        FAILED
    }

    private final long timeoutMillis;
    private State state = State.SEND_C0C1;
    private ScheduledFuture<?> timeout;

    public RtmpClientHandshakeHandler() {
        this(RtmpHandshakeHandler.DEFAULT_TIMEOUT_MILLIS);
    }

    /** @param timeoutMillis time allowed from connect to S2; 0 for none */
    public RtmpClientHandshakeHandler(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        if (ctx.channel().isActive()) start(ctx);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        start(ctx);
        super.channelActive(ctx);
    }

    private void start(ChannelHandlerContext ctx) {
        if (state != State.SEND_C0C1) return;
        state = State.READ_S0S1S2;
        byte[] c1 = new byte[SIZE];
        ThreadLocalRandom.current().nextBytes(c1);
        RtmpHandshakeHandler.putInt(c1, 0, 0);
        RtmpHandshakeHandler.putInt(c1, 4, 0); // zero version: the simple handshake
        ByteBuf out = ctx.alloc().buffer(1 + SIZE);
        out.writeByte(RtmpHandshakeHandler.RTMP_VERSION);
        out.writeBytes(c1);
        ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        if (timeoutMillis > 0) {
            timeout = ctx.executor().schedule(() -> {
                if (state != State.DONE) fail(ctx, null, "handshake timed out");
            }, timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state != State.READ_S0S1S2) {
            in.skipBytes(in.readableBytes());
            return;
        }
        int version = in.getUnsignedByte(in.readerIndex());
        if (version != RtmpHandshakeHandler.RTMP_VERSION) {
            fail(ctx, in, "handshake version " + version);
            return;
        }
        if (in.readableBytes() < 1 + 2 * SIZE) return;
        in.skipBytes(1);
        ByteBuf c2 = in.readRetainedSlice(SIZE); // C2 echoes S1
        in.skipBytes(SIZE);
        ctx.writeAndFlush(c2).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        state = State.DONE;
        if (timeout != null) timeout.cancel(false);
        ctx.fireUserEventTriggered(RtmpHandshakeCompletionEvent.SIMPLE);
        ctx.pipeline().remove(this);
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        state = State.FAILED;
        if (in != null) in.skipBytes(in.readableBytes());
        log.debug("RTMP handshake with {} failed: {}", ctx.channel().remoteAddress(), reason);
        ctx.close();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (timeout != null) timeout.cancel(false);
    }
}
