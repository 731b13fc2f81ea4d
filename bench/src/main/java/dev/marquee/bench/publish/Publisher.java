package dev.marquee.bench.publish;

import dev.marquee.bench.viewer.PlayUrl;
import dev.marquee.media.rtmp.chunk.RtmpChunkDecoder;
import dev.marquee.media.rtmp.chunk.RtmpChunkEncoder;
import dev.marquee.media.rtmp.handshake.RtmpClientHandshakeHandler;
import dev.marquee.media.rtmp.message.RtmpMessageDecoder;
import dev.marquee.media.rtmp.message.RtmpMessageEncoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one publishing connection on one Netty event loop, built from media-rtmp's client pieces. */
public final class Publisher {
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private Publisher() {}

    /** Publishes until maxMillis have passed or the connection ends; returns null when all went well, else why not. */
    public static String run(String url, Path sourcePath, boolean stamp, long maxMillis) throws Exception {
        PlayUrl target = PlayUrl.parse(url);
        if (!target.scheme().equals("rtmp")) throw new IllegalArgumentException("publish URL must be rtmp://");
        try (SourceFile source = SourceFile.read(sourcePath)) {
            if (stamp && source.nalLengthSize() != 4) {
                System.err.println("publisher: NAL length size " + source.nalLengthSize() + " (not 4): publishing without stamps");
                stamp = false;
            }
            CompletableFuture<String> done = new CompletableFuture<>();
            PublishSession session = new PublishSession(target, source, stamp, maxMillis, done);
            EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
            try {
                Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                        .option(ChannelOption.TCP_NODELAY, true)
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, HANDSHAKE_TIMEOUT_MILLIS)
                        .handler(new ChannelInitializer<>() {
                            @Override
                            protected void initChannel(Channel ch) {
                                ch.pipeline().addLast(new RtmpClientHandshakeHandler(HANDSHAKE_TIMEOUT_MILLIS),
                                        new RtmpChunkDecoder(), new RtmpMessageDecoder(),
                                        new RtmpChunkEncoder(), new RtmpMessageEncoder(), session);
                            }
                        })
                        .connect(target.address()).sync().channel();
                try {
                    return done.get(maxMillis + 60_000, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    return "publisher did not finish in time";
                } finally {
                    channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
                }
            } finally {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }
}
