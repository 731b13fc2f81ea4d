package dev.marquee.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

class HlsSegmentTest {
    @Test
    void uriNamesTheSequenceAndParsesBack() {
        assertThat(HlsSegment.uri(42)).isEqualTo("seg-42.ts");
        assertThat(HlsSegment.sequenceOf("seg-42.ts")).hasValue(42);
        assertThat(HlsSegment.sequenceOf("seg-.ts")).isEmpty();
        assertThat(HlsSegment.sequenceOf("seg--1.ts")).isEmpty();
        assertThat(HlsSegment.sequenceOf("seg-1.ts.bak")).isEmpty();
        assertThat(HlsSegment.sequenceOf("seg-99999999999999999999.ts")).isEmpty();
        assertThat(HlsSegment.sequenceOf(null)).isEmpty();
    }

    @Test
    void contentIsAReadOnlyViewAndCopiesAreIndependent() {
        HlsSegment segment = new HlsSegment(3, 2000, false, new byte[] {0x47, 1, 2});
        ByteBuf content = segment.content();
        assertThat(content.isReadOnly()).isTrue();
        assertThat(content.readableBytes()).isEqualTo(3);
        segment.toByteArray()[0] = 0;
        assertThat(segment.toByteArray()[0]).isEqualTo((byte) 0x47);
        content.release();
        assertThat(segment.content().getByte(0)).isEqualTo((byte) 0x47); // a fresh view each time
    }
}
