package dev.marquee.media.hls.ts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc32Mpeg2Test {
    @Test
    void givesTheCatalogueCheckValue() {
        byte[] digits = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc32Mpeg2.compute(digits, 0, digits.length)).isEqualTo(0x0376E6E7);
    }

    @Test
    void aSectionFollowedByItsCrcChecksToZero() {
        byte[] pmt = ProgramTables.pmt(TsMuxer.VIDEO_PID, java.util.List.of(
                new ProgramTables.ElementaryStream(TsStreamType.H264, TsMuxer.VIDEO_PID)), 3);
        assertThat(Crc32Mpeg2.compute(pmt, 0, pmt.length)).isZero();
    }

    @Test
    void coversOnlyTheGivenRange() {
        byte[] padded = "xx123456789yy".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc32Mpeg2.compute(padded, 2, 9)).isEqualTo(0x0376E6E7);
    }
}
