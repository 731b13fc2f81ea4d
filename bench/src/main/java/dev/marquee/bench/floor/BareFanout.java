package dev.marquee.bench.floor;

import dev.marquee.bench.publish.SourceFile;
import dev.marquee.bench.stats.WallClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The least a live HTTP-FLV server can do for its viewers, run by the ladder as the server "floor": one thread,
 * plain NIO, no ingest (the source is in memory), no GOP cache, no backlog. Every flush interval the frames that
 * came due go into one buffer ({@link FanoutRounds}) and each viewer is written it with one {@code write(2)}.
 * Its CPU per delivered GB is what the kernel charges for that traffic, with the same client, machine and
 * pattern as the servers measured beside it: no server that writes each viewer once per interval pays less.
 *
 * <p>A newcomer gets the stream head at once and its first frames from the next round holding a keyframe. A
 * viewer whose last round is not all written misses rounds and starts again at a keyframe; the load client
 * counts that as a stall, so a floor that could not keep up says so.
 */
public final class BareFanout implements AutoCloseable {
    private static final int MAX_REQUEST = 8 * 1024;
    private static final byte[] RESPONSE_HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: video/x-flv\r\n"
            + "Cache-Control: no-cache\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BAD_REQUEST = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final FanoutRounds rounds;
    private final long flushNanos;
    private final Selector selector;
    private final ServerSocketChannel server;
    private final List<Viewer> viewers = new ArrayList<>();
    private final ByteBuffer discard = ByteBuffer.allocateDirect(4096);
    private volatile boolean closed;

    public BareFanout(SourceFile source, InetSocketAddress bind, long flushMillis) throws IOException {
        if (flushMillis < 1 || flushMillis > 1000) throw new IllegalArgumentException("flush interval " + flushMillis + " ms");
        this.rounds = new FanoutRounds(source);
        this.flushNanos = flushMillis * 1_000_000L;
        this.selector = Selector.open();
        this.server = ServerSocketChannel.open();
        server.bind(bind, 4096);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    public int port() throws IOException {
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** Serves until {@code maxMillis} have passed or {@link #close()} is called, on the calling thread. */
    public void run(long maxMillis) throws IOException {
        long start = System.nanoTime();
        long startMicros = WallClock.micros();
        long end = start + maxMillis * 1_000_000L;
        long nextRound = start + flushNanos;
        while (!closed && System.nanoTime() < end) {
            long wait = (nextRound - System.nanoTime()) / 1_000_000;
            if (wait > 0) selector.select(wait); else selector.selectNow();
            for (SelectionKey key : selector.selectedKeys()) {
                if (key.isAcceptable()) accept();
                else if (key.isValid() && key.isReadable()) read((Viewer) key.attachment());
            }
            selector.selectedKeys().clear();
            long now = System.nanoTime();
            if (now - nextRound >= 0) {
                serve(rounds.next((now - start) / 1_000_000, startMicros));
                nextRound = Math.max(nextRound + flushNanos, now); // behind by a round or more: do not burst to catch up
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        selector.wakeup();
    }

    /** Closes every connection; call after {@link #run} has returned. */
    public void release() throws IOException {
        for (Viewer v : viewers) v.channel.close();
        viewers.clear();
        server.close();
        selector.close();
    }

    private void accept() throws IOException {
        SocketChannel channel;
        while ((channel = server.accept()) != null) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Viewer viewer = new Viewer(channel);
            channel.register(selector, SelectionKey.OP_READ, viewer);
        }
    }

    /** The request (until its blank line), then nothing more is expected: later bytes are read and dropped. */
    private void read(Viewer viewer) {
        try {
            ByteBuffer into = viewer.request != null ? viewer.request : discard.clear();
            if (viewer.channel.read(into) < 0) {
                drop(viewer);
                return;
            }
            if (viewer.request == null) return;
            if (!endsHead(viewer.request)) {
                if (!viewer.request.hasRemaining()) refuse(viewer);
                return;
            }
            boolean get = viewer.request.get(0) == 'G' && viewer.request.get(1) == 'E' && viewer.request.get(2) == 'T';
            viewer.request = null;
            if (!get) {
                refuse(viewer);
                return;
            }
            viewer.unsent = ByteBuffer.allocateDirect(RESPONSE_HEAD.length + rounds.streamHead().remaining())
                    .put(RESPONSE_HEAD).put(rounds.streamHead()).flip();
            viewers.add(viewer);
            write(viewer, viewer.unsent);
        } catch (IOException e) {
            drop(viewer);
        }
    }

    private void serve(FanoutRounds.Round round) {
        ByteBuffer bytes = round.bytes();
        for (int i = 0; i < viewers.size(); i++) {
            Viewer viewer = viewers.get(i);
            if (viewer.unsent != null) {
                write(viewer, viewer.unsent);
                if (viewer.unsent != null) {
                    viewer.started = false; // it misses this round: start again at a keyframe
                    continue;
                }
            }
            if (!viewer.started && round.keyframeAt() < 0) continue;
            ByteBuffer view = bytes.duplicate().position(viewer.started ? 0 : round.keyframeAt());
            viewer.started = true;
            write(viewer, view);
        }
        viewers.removeIf(v -> !v.channel.isOpen());
    }

    private void write(Viewer viewer, ByteBuffer bytes) {
        try {
            viewer.channel.write(bytes);
            viewer.unsent = bytes.hasRemaining() ? bytes : null;
        } catch (IOException e) {
            drop(viewer);
        }
    }

    private void refuse(Viewer viewer) {
        try {
            viewer.channel.write(ByteBuffer.wrap(BAD_REQUEST));
        } catch (IOException ignored) {
            // closing anyway
        }
        drop(viewer);
    }

    private static void drop(Viewer viewer) {
        viewer.unsent = null;
        try {
            viewer.channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    /** True once the request holds a blank line (CR LF CR LF) anywhere. */
    private static boolean endsHead(ByteBuffer request) {
        for (int i = 3; i < request.position(); i++) {
            if (request.get(i - 3) == '\r' && request.get(i - 2) == '\n' && request.get(i - 1) == '\r' && request.get(i) == '\n') {
                return true;
            }
        }
        return false;
    }

    private static final class Viewer {
        final SocketChannel channel;
        /** The request so far; null once answered. */
        ByteBuffer request = ByteBuffer.allocate(MAX_REQUEST);
        /** Sent a keyframe and everything after it. */
        boolean started;
        /** The rest of a write the socket did not take. */
        ByteBuffer unsent;

        Viewer(SocketChannel channel) {
            this.channel = channel;
        }
    }
}
