package dev.marquee.media.server.live;

import dev.marquee.media.rtmp.chunk.RtmpChunkDecoder;
import dev.marquee.media.rtmp.chunk.RtmpChunkEncoder;
import dev.marquee.media.rtmp.handshake.RtmpClientHandshakeHandler;
import dev.marquee.media.rtmp.handshake.RtmpHandshakeCompletionEvent;
import dev.marquee.media.rtmp.message.CommandMessage;
import dev.marquee.media.rtmp.message.MediaMessage;
import dev.marquee.media.rtmp.message.RtmpMessageDecoder;
import dev.marquee.media.rtmp.message.RtmpMessageEncoder;
import dev.marquee.media.rtmp.message.TypedMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A small RTMP client on media-rtmp's codecs: says what OBS or a player says and records the answers. */
final class RtmpTestClient implements AutoCloseable {
    /** A media message as received: type, timestamp, first two body bytes. */
    record Frame(int type, long timestamp, int firstByte, int secondByte, long arrivedNanos) {
        boolean isVideo() {
            return type == 9;
        }

        boolean isKeyframe() {
            return isVideo() && (firstByte >> 4) == 1 && secondByte == 1;
        }

        boolean isVideoSequenceHeader() {
            return isVideo() && secondByte == 0;
        }
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final LinkedBlockingQueue<Object> messages = new LinkedBlockingQueue<>();
    final List<Frame> frames = new CopyOnWriteArrayList<>();
    private final CountDownLatch handshaken = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Channel channel;
    private double transaction = 1;

    RtmpTestClient(int port) throws InterruptedException {
        channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new RtmpClientHandshakeHandler(), new RtmpChunkDecoder(), new RtmpChunkEncoder(),
                                new RtmpMessageDecoder(), new RtmpMessageEncoder(), new Recorder());
                    }
                })
                .connect(new InetSocketAddress("127.0.0.1", port)).sync().channel();
        if (!handshaken.await(5, TimeUnit.SECONDS)) throw new IllegalStateException("no RTMP handshake");
    }

    int localPort() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    void send(TypedMessage message) {
        channel.writeAndFlush(message).syncUninterruptibly();
    }

    /** connect + createStream; returns once both are answered. */
    void connect(String app) throws InterruptedException {
        send(new CommandMessage(0, "connect", transaction++, Map.of("app", app, "tcUrl", "rtmp://127.0.0.1/" + app)));
        awaitCommand("_result");
        send(new CommandMessage(0, "createStream", transaction++, null));
        CommandMessage created = awaitCommand("_result");
        if (!Double.valueOf(1.0).equals(created.argument(0))) throw new IllegalStateException("stream id " + created.argument(0));
    }

    /** publish on stream 1; returns the onStatus code. */
    String publish(String key) throws InterruptedException {
        send(new CommandMessage(1, "publish", transaction++, null, key, "live"));
        return statusCode(awaitCommand("onStatus"));
    }

    /** play on stream 1; returns the first onStatus code. */
    String play(String name) throws InterruptedException {
        send(new CommandMessage(1, "play", transaction++, null, name, -2.0));
        return statusCode(awaitCommand("onStatus"));
    }

    static String statusCode(CommandMessage status) {
        return status == null ? null : String.valueOf(((Map<?, ?>) status.argument(0)).get("code"));
    }

    /** The next command of that name (others are skipped), or null after 5 s. */
    CommandMessage awaitCommand(String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            Object m = messages.poll(100, TimeUnit.MILLISECONDS);
            if (m instanceof CommandMessage c && c.name().equals(name)) return c;
        }
        return null;
    }

    boolean awaitClosed(long millis) throws InterruptedException {
        return closed.await(millis, TimeUnit.MILLISECONDS);
    }

    boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Recorder extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof MediaMessage media) {
                var body = media.payload();
                frames.add(new Frame(media.typeId(), media.timestamp(), body.readableBytes() > 0 ? body.getUnsignedByte(body.readerIndex()) : -1,
                        body.readableBytes() > 1 ? body.getUnsignedByte(body.readerIndex() + 1) : -1, System.nanoTime()));
                media.release();
                return;
            }
            messages.add(msg);
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof RtmpHandshakeCompletionEvent) handshaken.countDown();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            closed.countDown();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
