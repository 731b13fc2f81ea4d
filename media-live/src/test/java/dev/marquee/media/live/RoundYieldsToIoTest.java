package dev.marquee.media.live;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.ReferenceCountUtil;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.marquee.media.live.LiveFixture.await;
import static dev.marquee.media.live.LiveFixture.settle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a real I/O event loop: a round over many viewers must let the loop read its sockets between slices, or a
 * newcomer's HTTP request (or any player's command) waits for the whole round. At 2,000 HTTP-FLV viewers that
 * wait was up to 55 ms of every join.
 */
class RoundYieldsToIoTest {

    @Test
    void theLoopReadsItsSocketsWhileARoundOverManyViewersRuns() throws Exception {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (LiveFixture f = new LiveFixture(LiveFixture.testDefaults())) {
            EventLoop loop = group.next();
            List<RecordingSink> viewers = new ArrayList<>();
            int[] before = new int[ConsumerGroup.SLICE * 16];
            AtomicInteger servedAtRead = new AtomicInteger(-1);
            Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            // on the loop, so no viewer's write is under way: how far had the round got?
                            int served = 0;
                            for (int i = 0; i < viewers.size(); i++) if (viewers.get(i).count() > before[i]) served++;
                            servedAtRead.compareAndSet(-1, served);
                            ReferenceCountUtil.release(msg);
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();

            LiveSource source = f.publish("busy");
            f.publishStream(source, 0, 1_000);
            settle(source);
            for (int i = 0; i < before.length; i++) viewers.add(f.viewer("busy", loop, f.flv));
            await("everyone caught up", () -> viewers.stream().allMatch(v -> v.count() >= 4));
            LiveFixture.sleep(100); // nothing left to serve
            for (int i = 0; i < before.length; i++) before[i] = viewers.get(i).count();
            viewers.forEach(v -> v.busyWrites(Duration.ofNanos(100_000))); // a round: 1,024 × 0.1 ms

            try (Socket client = new Socket("127.0.0.1", ((InetSocketAddress) server.localAddress()).getPort())) {
                LiveFixture.sleep(50); // accepted and registered while the loop is idle
                f.send(source, f.stream.interframe(1_000));
                await("the round started", () -> viewers.getFirst().count() > before[0]);
                client.getOutputStream().write('x'); // arrives while the round has some 100 ms to go
                await("the loop read the socket", () -> servedAtRead.get() >= 0);
                await("the round reached everyone", () -> viewers.getLast().count() > before[before.length - 1]);
                assertThat(servedAtRead.get()).as("viewers served when the loop read its socket")
                        .isLessThan(before.length - ConsumerGroup.SLICE);
            } finally {
                server.close().sync();
            }
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).sync();
        }
    }
}
