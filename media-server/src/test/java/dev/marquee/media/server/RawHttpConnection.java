package dev.marquee.media.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A bare HTTP/1.1 client over one socket, so tests control every byte (no URI normalisation, pipelining). */
final class RawHttpConnection implements AutoCloseable {
    private static final int MAX_HEADER_LINES = 100;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttpConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(String raw) throws IOException {
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    Response get(String target) throws IOException {
        send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        return read(false);
    }

    /** Reads one response; {@code head} says the request was HEAD, so no body follows. */
    Response read(boolean head) throws IOException {
        String statusLine = line();
        if (statusLine == null) throw new IOException("connection closed before a response");
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < MAX_HEADER_LINES; i++) {
            String l = line();
            if (l == null || l.isEmpty()) break;
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        byte[] body = new byte[0];
        String length = headers.get("content-length");
        if (!head && length != null && status != 204 && status != 304) body = in.readNBytes(Integer.parseInt(length));
        return new Response(status, headers, body);
    }

    /** True when the server closed the connection (EOF or reset) within the socket timeout. */
    boolean closedByPeer() {
        try {
            return in.read() < 0;
        } catch (SocketException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int i = 0; i < 65_536; i++) {
            int b = in.read();
            if (b < 0) return i == 0 ? null : buf.toString(StandardCharsets.ISO_8859_1);
            if (b == '\n') break;
            if (b != '\r') buf.write(b);
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
