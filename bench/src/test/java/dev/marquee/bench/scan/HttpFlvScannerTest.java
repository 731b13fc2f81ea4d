package dev.marquee.bench.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpFlvScannerTest {
    private static final byte[] FLV = FlvBytes.stream(
            FlvBytes.tag(9, 0, FlvBytes.body(40, 1, (byte) 0x17, (byte) 0x00)),
            FlvBytes.tag(9, 0, FlvBytes.body(5000, 2, (byte) 0x17, (byte) 0x01)),
            FlvBytes.tag(8, 10, FlvBytes.body(200, 3)),
            FlvBytes.tag(9, 33, FlvBytes.body(900, 4, (byte) 0x27, (byte) 0x01)));

    private static byte[] response(String head, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** The body cut into HTTP chunks of the given size, with a chunk extension on the first, then the last chunk. */
    private static byte[] chunked(byte[] body, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int pos = 0; pos < body.length; pos += chunk) {
            int n = Math.min(chunk, body.length - pos);
            out.writeBytes((Integer.toHexString(n) + (pos == 0 ? ";ext=1" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, pos, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static HttpFlvScanner scan(byte[] bytes, int maxPiece, RecordingSink sink) {
        HttpFlvScanner scanner = new HttpFlvScanner(sink);
        FlvBytes.feed(bytes, maxPiece, maxPiece, buf -> scanner.scan(buf, 0, buf.limit(), 0));
        return scanner;
    }

    @Test
    void readsAPlainBody() {
        byte[] bytes = response("HTTP/1.1 200 OK\r\nContent-Type: video/x-flv\r\nConnection: close\r\n\r\n", FLV);
        for (int piece : new int[] {1, 13, 65536}) {
            RecordingSink sink = new RecordingSink();
            HttpFlvScanner scanner = scan(bytes, piece, sink);
            assertThat(scanner.status()).isEqualTo(200);
            assertThat(sink.tags).extracting(RecordingSink.Tag::size).containsExactly(40, 5000, 200, 900);
        }
    }

    @Test
    void readsAChunkedBodyWhoseChunksSplitTags() {
        byte[] bytes = response("HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n", chunked(FLV, 777));
        for (int piece : new int[] {1, 5, 4096}) {
            RecordingSink sink = new RecordingSink();
            HttpFlvScanner scanner = scan(bytes, piece, sink);
            assertThat(sink.tags).extracting(RecordingSink.Tag::timestamp).containsExactly(0L, 0L, 10L, 33L);
            assertThat(scanner.isDone()).isTrue();
        }
    }

    @Test
    void failsOnAnythingButOk() {
        byte[] bytes = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> new HttpFlvScanner(new RecordingSink()).scan(ByteBuffer.wrap(bytes), 0, bytes.length, 0))
                .isInstanceOf(StreamFormatException.class).hasMessageContaining("404");
    }
}
