package dev.marquee.media.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP media port: serves {@code /vod/{token}/{videoId}/...} from the media root. Uses epoll where the
 * native transport loads, NIO elsewhere; one acceptor thread and {@code workerThreads} connection threads.
 */
public final class MediaServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaServer.class);

    private final MediaServerSettings settings;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;

    public MediaServer(MediaServerSettings settings) {
        this.settings = settings;
    }

    /** Binds and returns once the port accepts connections; fails with a message naming the address otherwise. */
    public synchronized void start() {
        if (serverChannel != null) throw new IllegalStateException("media server already started");
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        bossGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("media-accept"), io);
        workerGroup = new MultiThreadIoEventLoopGroup(settings.effectiveWorkerThreads(),
                new DefaultThreadFactory("media-io"), io);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new MediaChannelInitializer(settings));
        ChannelFuture bound = bootstrap.bind(settings.host(), settings.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownGroups();
            Throwable cause = bound.cause();
            throw new IllegalStateException("media server cannot listen on " + settings.host() + ":" + settings.port()
                    + " (" + cause.getMessage() + "); is the port already in use?", cause);
        }
        serverChannel = bound.channel();
        log.info("media server listening on http://{}:{} ({} transport, {} worker threads)", settings.host(), port(),
                epoll ? "epoll" : "nio", settings.effectiveWorkerThreads());
    }

    /** The bound port, useful when the settings asked for port 0. */
    public synchronized int port() {
        if (serverChannel == null) throw new IllegalStateException("media server not started");
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Stops accepting, lets in-flight replies finish briefly, then releases the threads. Idempotent. */
    @Override
    public synchronized void close() {
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly();
            serverChannel = null;
        }
        shutdownGroups();
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
