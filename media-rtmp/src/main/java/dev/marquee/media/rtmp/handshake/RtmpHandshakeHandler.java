package dev.marquee.media.rtmp.handshake;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server side of the RTMP handshake. Reads C0+C1 and answers S0+S1+S2 at once: with digests when C1
 * carries a valid Flash Player 9 digest (scheme 0 or 1), else the simple echo. Reads C2, fires
 * {@link RtmpHandshakeCompletionEvent}, removes itself and passes on whatever followed C2. A version
 * other than 3 (RTMPE, HTTP, garbage) or a handshake slower than the timeout closes the connection.
 */
public class RtmpHandshakeHandler extends ByteToMessageDecoder {
    public static final int RTMP_VERSION = 3;
    public static final long DEFAULT_TIMEOUT_MILLIS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(RtmpHandshakeHandler.class);
    private static final int SIZE = HandshakeDigest.SIZE;
    private static final int SERVER_VERSION = 0x0D0E0A0D; // any non-zero version marks a digest S1

    private enum State {
        READ_C0C1,
        READ_C2,
        DONE,
        FAILED
    }

    private final long timeoutMillis;
    private State state = State.READ_C0C1;
    private boolean digest;
    private ScheduledFuture<?> timeout;

    public RtmpHandshakeHandler() {
        this(DEFAULT_TIMEOUT_MILLIS);
    }

    /** @param timeoutMillis time allowed from connect to C2; 0 for none */
    public RtmpHandshakeHandler(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        if (ctx.channel().isActive()) startTimeout(ctx);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        startTimeout(ctx);
        super.channelActive(ctx);
    }

    private void startTimeout(ChannelHandlerContext ctx) {
        if (timeoutMillis <= 0 || timeout != null) return;
        timeout = ctx.executor().schedule(() -> {
            if (state != State.DONE) fail(ctx, null, "handshake timed out");
        }, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state == State.READ_C0C1) {
            int version = in.getUnsignedByte(in.readerIndex());
            if (version != RTMP_VERSION) {
                fail(ctx, in, "handshake version " + version);
                return;
            }
            if (in.readableBytes() < 1 + SIZE) return;
            in.skipBytes(1);
            byte[] c1 = new byte[SIZE];
            in.readBytes(c1);
            ctx.writeAndFlush(respond(ctx.alloc(), c1)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            state = State.READ_C2;
        }
        if (state == State.READ_C2) {
            if (in.readableBytes() < SIZE) return;
            in.skipBytes(SIZE); // C2 echoes S1; clients differ too much for it to be worth checking
            state = State.DONE;
            if (timeout != null) timeout.cancel(false);
            ctx.fireUserEventTriggered(digest ? RtmpHandshakeCompletionEvent.DIGEST : RtmpHandshakeCompletionEvent.SIMPLE);
            ctx.pipeline().remove(this); // passes on the bytes after C2
            return;
        }
        in.skipBytes(in.readableBytes());
    }

    /** S0, S1 and S2 in one buffer. */
    private ByteBuf respond(ByteBufAllocator alloc, byte[] c1) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] s1 = new byte[SIZE];
        random.nextBytes(s1);
        putInt(s1, 0, (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
        int scheme = getInt(c1, 4) == 0 ? -1 : HandshakeDigest.findClientScheme(c1);
        byte[] s2;
        if (scheme >= 0) {
            digest = true;
            putInt(s1, 4, SERVER_VERSION);
            HandshakeDigest.sign(s1, scheme, HandshakeDigest.SERVER_KEY, HandshakeDigest.SERVER_KEY_TEXT_LENGTH);
            int position = HandshakeDigest.digestPosition(c1, scheme);
            byte[] clientDigest = Arrays.copyOfRange(c1, position, position + HandshakeDigest.DIGEST_LENGTH);
            s2 = new byte[SIZE];
            random.nextBytes(s2);
            byte[] s2Digest = HandshakeDigest.responseDigest(s2, clientDigest, HandshakeDigest.SERVER_KEY);
            System.arraycopy(s2Digest, 0, s2, SIZE - HandshakeDigest.DIGEST_LENGTH, HandshakeDigest.DIGEST_LENGTH);
        } else {
            putInt(s1, 4, 0);
            s2 = c1; // the simple handshake echoes C1
        }
        ByteBuf out = alloc.buffer(1 + 2 * SIZE);
        out.writeByte(RTMP_VERSION);
        out.writeBytes(s1);
        out.writeBytes(s2);
        return out;
    }

    private void fail(ChannelHandlerContext ctx, ByteBuf in, String reason) {
        state = State.FAILED;
        if (in != null) in.skipBytes(in.readableBytes());
        // one line per failed connection: garbage on the port is worth knowing about, once
        log.info("RTMP handshake with {} failed: {}", ctx.channel().remoteAddress(), reason);
        ctx.close();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (timeout != null) timeout.cancel(false);
    }

    static int getInt(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    static void putInt(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }
}
