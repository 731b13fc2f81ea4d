package dev.marquee.bench.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FlvTagScannerTest {
    private static final byte[] KEY_NALU = {0x17, 0x01, 0, 0, 0};

    private static byte[] sample() {
        return FlvBytes.stream(
                FlvBytes.tag(18, 0, FlvBytes.body(120, 1)),
                FlvBytes.tag(9, 0, FlvBytes.body(40, 2, (byte) 0x17, (byte) 0x00)),
                FlvBytes.tag(8, 0, FlvBytes.body(7, 3, (byte) 0xAF, (byte) 0x00)),
                FlvBytes.tag(9, 33, FlvBytes.body(70_000, 4, KEY_NALU)),
                FlvBytes.tag(8, 21, FlvBytes.body(300, 5)),
                FlvBytes.tag(9, 0x1234_5678L, FlvBytes.body(12, 6, (byte) 0x27, (byte) 0x01)),
                FlvBytes.tag(9, 0x1234_5679L, new byte[0]));
    }

    @Test
    void reportsEveryTagWhateverTheReadSizes() {
        byte[] stream = sample();
        for (int maxPiece : new int[] {1, 7, 4096, 256 * 1024}) {
            RecordingSink sink = new RecordingSink();
            FlvTagScanner scanner = new FlvTagScanner(sink);
            FlvBytes.feed(stream, maxPiece, maxPiece, buf -> scanner.scan(buf, 0, buf.limit(), 42));
            assertThat(sink.tags).extracting(RecordingSink.Tag::type).containsExactly(18, 9, 8, 9, 8, 9, 9);
            assertThat(sink.tags).extracting(RecordingSink.Tag::timestamp).containsExactly(0L, 0L, 0L, 33L, 21L, 0x1234_5678L, 0x1234_5679L);
            assertThat(sink.tags).extracting(RecordingSink.Tag::size).containsExactly(120, 40, 7, 70_000, 300, 12, 0);
            assertThat(scanner.tags()).isEqualTo(7);
        }
    }

    @Test
    void keepsOnlyTheFirstBytesOfVideoBodies() {
        RecordingSink sink = new RecordingSink();
        FlvTagScanner scanner = new FlvTagScanner(sink);
        FlvBytes.feed(sample(), 3, 9, buf -> scanner.scan(buf, 0, buf.limit(), 0));
        RecordingSink.Tag big = sink.tags.get(3);
        assertThat(big.peek()).hasSize(TagSink.PEEK_BYTES);
        assertThat(Arrays.copyOf(big.peek(), 5)).containsExactly(KEY_NALU);
        assertThat(sink.tags.get(5).peek()).hasSize(12);
        assertThat(sink.tags.get(0).peek()).isEmpty(); // script and audio bodies are skipped, not kept
    }

    @Test
    void scansOnlyTheGivenRange() {
        byte[] stream = sample();
        ByteBuffer buf = ByteBuffer.allocate(stream.length + 20);
        buf.put(10, stream);
        RecordingSink sink = new RecordingSink();
        new FlvTagScanner(sink).scan(buf, 10, 10 + stream.length, 0);
        assertThat(sink.tags).hasSize(7);
    }

    @Test
    void refusesADesynchronisedStream() {
        byte[] stream = sample();
        stream[13 + 11 + 120 + 3] ^= 1; // the first tag's PreviousTagSize
        FlvTagScanner scanner = new FlvTagScanner(new RecordingSink());
        assertThatThrownBy(() -> scanner.scan(ByteBuffer.wrap(stream), 0, stream.length, 0))
                .isInstanceOf(StreamFormatException.class).hasMessageContaining("PreviousTagSize");
    }

    @Test
    void refusesWhatIsNotFlv() {
        byte[] html = "<html><body>not found</body></html>".getBytes();
        FlvTagScanner scanner = new FlvTagScanner(new RecordingSink());
        assertThatThrownBy(() -> scanner.scan(ByteBuffer.wrap(html), 0, html.length, 0)).isInstanceOf(StreamFormatException.class);
    }
}
