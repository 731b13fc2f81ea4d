package dev.marquee.media.server.live;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP-FLV viewer on a plain socket: sends the request, reads the head, then decodes the chunked body
 * and the FLV tags in it on a thread of its own, noting when each tag arrived and how the response ended.
 */
final class FlvHttpViewer implements AutoCloseable {
    record Tag(int type, long timestamp, int firstByte, int secondByte, long arrivedNanos) {
        boolean isVideo() {
            return type == 9;
        }

        boolean isKeyframe() {
            return isVideo() && (firstByte >> 4) == 1 && secondByte == 1;
        }

        boolean isVideoSequenceHeader() {
            return isVideo() && secondByte == 0;
        }

        boolean isAudio() {
            return type == 8;
        }
    }

    final List<Tag> tags = new CopyOnWriteArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    final long requestedNanos;
    int status;
    byte[] errorBody = new byte[0];
    volatile boolean endedCleanly;
    volatile Throwable failure;
    private final Socket socket;
    private final DataInputStream in;
    private final CountDownLatch finished = new CountDownLatch(1);
    private boolean chunked;
    private int chunkLeft;

    /** Sends the request and reads the head; the body is read in the background for a 200. */
    FlvHttpViewer(int port, String pathAndQuery, String origin) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(20_000);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        requestedNanos = System.nanoTime();
        socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + (origin == null ? "" : "Origin: " + origin + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        String statusLine = line();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String h; !(h = line()).isEmpty(); ) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
        chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        if (status != 200) {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            errorBody = in.readNBytes(length);
            finished.countDown();
            return;
        }
        Thread reader = new Thread(this::readBody, "flv-viewer");
        reader.setDaemon(true);
        reader.start();
    }

    private void readBody() {
        try {
            byte[] header = bytes(13);
            if (header[0] != 'F' || header[1] != 'L' || header[2] != 'V') throw new IOException("not FLV");
            while (true) {
                int type;
                try {
                    type = body().read();
                } catch (EOFException end) {
                    return;
                }
                if (type < 0) return;
                byte[] h = bytes(10);
                int size = (h[0] & 0xFF) << 16 | (h[1] & 0xFF) << 8 | (h[2] & 0xFF);
                long ts = ((h[3] & 0xFFL) << 16 | (h[4] & 0xFFL) << 8 | (h[5] & 0xFFL)) | (h[6] & 0xFFL) << 24;
                byte[] payload = bytes(size + 4);
                tags.add(new Tag(type, ts, size > 0 ? payload[0] & 0xFF : -1, size > 1 ? payload[1] & 0xFF : -1, System.nanoTime()));
            }
        } catch (Throwable t) {
            failure = t;
        } finally {
            finished.countDown();
        }
    }

    /** A stream over the body: chunk framing removed; the terminating chunk marks a clean end. */
    private InputStream body() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                if (!chunked) return in.read();
                if (chunkLeft == 0) {
                    String size = line();
                    chunkLeft = Integer.parseInt(size.trim(), 16);
                    if (chunkLeft == 0) {
                        line(); // the empty line after the last chunk
                        endedCleanly = in.read() < 0;
                        return -1;
                    }
                }
                int b = in.read();
                if (b < 0) throw new EOFException("inside a chunk");
                if (--chunkLeft == 0 && !line().isEmpty()) throw new IOException("chunk not followed by CRLF");
                return b;
            }
        };
    }

    private byte[] bytes(int n) throws IOException {
        byte[] out = new byte[n];
        InputStream body = body();
        for (int i = 0; i < n; i++) {
            int b = body.read();
            if (b < 0) throw new EOFException("inside a tag");
            out[i] = (byte) b;
        }
        return out;
    }

    private String line() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) throw new EOFException("inside a line");
            if (b != '\r') out.write(b);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    List<Tag> video() {
        return tags.stream().filter(Tag::isVideo).toList();
    }

    boolean awaitFinished(long millis) throws InterruptedException {
        return finished.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
