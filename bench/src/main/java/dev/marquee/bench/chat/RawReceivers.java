package dev.marquee.bench.chat;

import dev.marquee.bench.stats.WallClock;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Listening-only room sockets on one NIO selector thread: an HTTP upgrade, then the server's (unmasked)
 * frames walked in place, chat lines found by their stamp, no strings made. A java.net.http socket costs the
 * client several times what the server spends on it; with these, the load client stops being the bottleneck.
 */
final class RawReceivers implements Runnable {
    private static final byte[] STAMP = "\"text\":\"bench ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "{\"type\":\"error\"".getBytes(StandardCharsets.US_ASCII);
    private static final int OP_TEXT = 1;
    private static final int OP_CLOSE = 8;

    private final Selector selector;
    private final ByteBuffer read = ByteBuffer.allocate(256 * 1024);
    private final List<Conn> conns = new ArrayList<>();
    private volatile boolean running = true;
    private volatile int open;
    private volatile int failed;

    RawReceivers() throws IOException {
        selector = Selector.open();
    }

    /** Connects one socket to the room at {@code ws} (ws://host:port/path); handshakes on the loop. Before run(). */
    void connect(URI ws) throws IOException {
        SocketChannel ch = SocketChannel.open();
        ch.configureBlocking(false);
        ch.connect(new InetSocketAddress(ws.getHost(), ws.getPort()));
        Conn c = new Conn(ch, ws);
        conns.add(c);
        ch.register(selector, SelectionKey.OP_CONNECT, c);
    }

    /** Sockets through their handshake and not closed. */
    int open() {
        return open;
    }

    /** Sockets that never got through their handshake. */
    int failed() {
        return failed;
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                selector.select(this::handle, 100);
            }
        } catch (IOException e) {
            ChatSocket.errors.incrementAndGet();
        } finally {
            for (Conn c : conns) {
                try {
                    c.channel.close();
                } catch (IOException ignored) {
                    // shutting down
                }
            }
        }
    }

    private void handle(SelectionKey key) {
        Conn c = (Conn) key.attachment();
        try {
            if (key.isConnectable() && c.channel.finishConnect()) {
                c.channel.write(ByteBuffer.wrap(c.upgradeRequest()));
                key.interestOps(SelectionKey.OP_READ);
            } else if (key.isReadable()) {
                read.clear();
                int n = c.channel.read(read);
                if (n < 0) {
                    c.close(key);
                    return;
                }
                c.onBytes(read.array(), n, WallClock.micros(), key);
            }
        } catch (IOException e) {
            c.close(key);
        }
    }

    /** One socket: handshake bytes until the blank line, then frames; a partial frame waits in carry. */
    private final class Conn {
        final SocketChannel channel;
        final URI uri;
        boolean upgraded;
        boolean closed;
        byte[] carry = new byte[0];

        Conn(SocketChannel channel, URI uri) {
            this.channel = channel;
            this.uri = uri;
        }

        byte[] upgradeRequest() {
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return ("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        void onBytes(byte[] in, int n, long now, SelectionKey key) {
            byte[] b = in;
            int len = n;
            if (carry.length > 0) {
                b = new byte[carry.length + n];
                System.arraycopy(carry, 0, b, 0, carry.length);
                System.arraycopy(in, 0, b, carry.length, n);
                len = b.length;
            }
            int at = 0;
            if (!upgraded) {
                int end = indexOf(b, 0, len, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                if (end < 0) {
                    carry = java.util.Arrays.copyOf(b, len);
                    return;
                }
                if (!new String(b, 0, Math.min(len, 12), StandardCharsets.US_ASCII).contains(" 101")) {
                    close(key);
                    return;
                }
                upgraded = true;
                open++;
                at = end + 4;
            }
            while (len - at >= 2) {
                int op = b[at] & 0x0F;
                int size = b[at + 1] & 0x7F;
                int header = 2;
                if (size == 126) {
                    if (len - at < 4) break;
                    size = (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
                    header = 4;
                } else if (size == 127) {
                    if (len - at < 10) break;
                    size = (int) Math.min(Integer.MAX_VALUE, ByteBuffer.wrap(b, at + 2, 8).getLong());
                    header = 10;
                }
                if (len - at - header < size) break;
                int from = at + header;
                if (op == OP_TEXT) onText(b, from, from + size, now);
                else if (op == OP_CLOSE) {
                    close(key);
                    return;
                }
                at = from + size;
            }
            carry = at == len ? new byte[0] : java.util.Arrays.copyOfRange(b, at, len);
        }

        private void onText(byte[] b, int from, int to, long now) {
            int stamp = indexOf(b, from, to, STAMP);
            if (stamp >= 0) {
                long sent = 0;
                for (int i = stamp + STAMP.length; i < to && b[i] >= '0' && b[i] <= '9'; i++) sent = sent * 10 + (b[i] - '0');
                ChatSocket.recordDelivery(sent, now);
            } else if (indexOf(b, from, Math.min(to, from + ERROR.length), ERROR) == from) {
                ChatSocket.errors.incrementAndGet();
            }
        }

        void close(SelectionKey key) {
            if (closed) return;
            closed = true;
            if (upgraded) {
                open--;
                ChatSocket.closed.incrementAndGet();
            } else {
                failed++;
            }
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private static int indexOf(byte[] b, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) if (b[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}
