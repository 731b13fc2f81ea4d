package dev.marquee.media.server;

import dev.marquee.media.live.LiveRegistry;
import dev.marquee.media.server.spi.LiveIngest;
import dev.marquee.media.server.live.LiveStreaming;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media ports: HTTP ({@code /vod/{token}/{videoId}/...}, {@code /live/{stream}.flv}) and RTMP (publish
 * and play {@code rtmp://host/live/...}). Both share one set of event loops, so viewers of either protocol on
 * the same loop share each frame's fan-out. Uses epoll where the native transport loads, NIO elsewhere; one
 * acceptor thread and {@code workerThreads} connection threads.
 */
public final class MediaServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaServer.class);

    private final MediaServerSettings settings;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private LiveStreaming live;
    private Channel serverChannel;
    private Channel rtmpChannel;

    public MediaServer(MediaServerSettings settings) {
        this.settings = settings;
    }

    /** Binds both ports and returns once they accept connections; fails with a message naming the address otherwise. */
    public synchronized void start() {
        if (serverChannel != null) throw new IllegalStateException("media server already started");
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        bossGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("media-accept"), io);
        workerGroup = new MultiThreadIoEventLoopGroup(settings.effectiveWorkerThreads(),
                new DefaultThreadFactory("media-io"), io);
        live = new LiveStreaming(settings);
        try {
            serverChannel = bind(channelType, new MediaChannelInitializer(settings, live), settings.port(), "media");
            rtmpChannel = bind(channelType, live.rtmpInitializer(), settings.rtmpPort(), "RTMP");
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("media server listening on http://{}:{} and rtmp://{}:{} ({} transport, {} worker threads)",
                settings.host(), port(), settings.host(), rtmpPort(), epoll ? "epoll" : "nio", settings.effectiveWorkerThreads());
    }

    private Channel bind(Class<? extends ServerChannel> channelType, ChannelHandler initializer, int port, String what) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer);
        ChannelFuture bound = bootstrap.bind(settings.host(), port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            throw new IllegalStateException(what + " server cannot listen on " + settings.host() + ":" + port
                    + " (" + cause.getMessage() + "); is the port already in use?", cause);
        }
        return bound.channel();
    }

    /** The bound HTTP media port, useful when the settings asked for port 0. */
    public synchronized int port() {
        if (serverChannel == null) throw new IllegalStateException("media server not started");
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The bound RTMP port, useful when the settings asked for port 0. */
    public synchronized int rtmpPort() {
        if (rtmpChannel == null) throw new IllegalStateException("media server not started");
        return ((InetSocketAddress) rtmpChannel.localAddress()).getPort();
    }

    /** The live streams of this server (for status pages, tests and benchmarks). */
    public synchronized LiveRegistry liveRegistry() {
        if (live == null) throw new IllegalStateException("media server not started");
        return live.registry();
    }

    /** What the publishers of this server's live streams send, for the control plane. */
    public LiveIngest liveIngest() {
        return stream -> {
            LiveStreaming streaming;
            synchronized (this) {
                streaming = live;
            }
            return streaming == null ? Optional.empty() : streaming.ingest(stream);
        };
    }

    /** Stops accepting, lets in-flight replies finish briefly, then releases the threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (serverChannel != null) serverChannel.close().awaitUninterruptibly();
        if (rtmpChannel != null) rtmpChannel.close().awaitUninterruptibly();
        serverChannel = null;
        rtmpChannel = null;
        if (live != null) live.releaseCompanions();
        shutdownGroups();
        if (live != null) live.close();
        live = null;
    }

    private void shutdownGroups() {
        if (bossGroup != null) bossGroup.shutdownGracefully(0, 2_000, TimeUnit.MILLISECONDS);
        if (workerGroup != null) workerGroup.shutdownGracefully(100, 5_000, TimeUnit.MILLISECONDS);
        if (bossGroup != null) bossGroup.terminationFuture().awaitUninterruptibly(3, TimeUnit.SECONDS);
        if (workerGroup != null) workerGroup.terminationFuture().awaitUninterruptibly(6, TimeUnit.SECONDS);
        bossGroup = null;
        workerGroup = null;
    }
}
