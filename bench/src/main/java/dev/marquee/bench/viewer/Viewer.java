package dev.marquee.bench.viewer;

import dev.marquee.bench.stats.ViewerStats;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One viewer's connection on a {@link ViewerLoop}. Reads go into the loop's shared buffer; the little it
 * writes (a request, RTMP commands and acknowledgements) is queued only if the socket will not take it at once.
 * A stalled reader stops reading as soon as media starts, with a small receive buffer.
 */
public final class Viewer {
    /** Reads per readiness event before the loop moves on to the next viewer. */
    private static final int READS_PER_EVENT = 8;

    private final PlayUrl url;
    private final ViewerStats stats;
    private final ViewerSession session;
    private final int stalledReceiveBuffer;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer pending;
    private boolean closed;

    /** @param stalledReceiveBuffer SO_RCVBUF of a stalled reader; 0 for a live viewer */
    public Viewer(int id, PlayUrl url, int stalledReceiveBuffer) {
        this.url = url;
        this.stalledReceiveBuffer = stalledReceiveBuffer;
        this.stats = new ViewerStats(id, stalledReceiveBuffer > 0);
        this.session = url.scheme().equals("rtmp") ? new RtmpPlaySession(url, stats) : new HttpFlvSession(url, stats);
    }

    public ViewerStats stats() {
        return stats;
    }

    void open(Selector selector, long nowMicros) {
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (stalledReceiveBuffer > 0) channel.setOption(StandardSocketOptions.SO_RCVBUF, stalledReceiveBuffer);
            stats.onConnectStart(nowMicros);
            key = channel.register(selector, SelectionKey.OP_CONNECT, this);
            if (channel.connect(url.address())) onConnectable(nowMicros);
        } catch (IOException | RuntimeException e) {
            fail("connect: " + e);
        }
    }

    void onConnectable(long nowMicros) throws IOException {
        if (channel.isConnectionPending()) channel.finishConnect();
        key.interestOps(SelectionKey.OP_READ);
        session.onConnected(this, nowMicros);
    }

    void onReadable(ByteBuffer buf, long nowMicros) throws IOException {
        for (int i = 0; i < READS_PER_EVENT && !closed; i++) {
            buf.clear();
            int n = channel.read(buf);
            if (n < 0) {
                fail("closed by server after " + stats.bytes() + " bytes");
                return;
            }
            if (n == 0) return;
            stats.onBytes(n);
            session.onData(this, buf, n, nowMicros);
            if (stalledReceiveBuffer > 0 && session.isPlaying() && !closed) {
                key.interestOps(key.interestOps() & ~SelectionKey.OP_READ); // from now on, never read again
                return;
            }
            if (n < buf.capacity()) return;
        }
    }

    void onWritable() throws IOException {
        channel.write(pending);
        if (!pending.hasRemaining()) {
            pending = null;
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
    }

    void write(byte[] bytes) {
        if (closed) return;
        try {
            if (pending != null) {
                ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + bytes.length);
                joined.put(pending).put(bytes).flip();
                pending = joined;
                return;
            }
            ByteBuffer out = ByteBuffer.wrap(bytes);
            channel.write(out);
            if (out.hasRemaining()) {
                pending = out;
                key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
            }
        } catch (IOException e) {
            fail("write: " + e);
        }
    }

    /** Records the first failure and closes the connection. */
    void fail(String why) {
        stats.fail(why);
        close();
    }

    void close() {
        if (closed) return;
        closed = true;
        if (key != null) key.cancel();
        try {
            if (channel != null) channel.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }
}
