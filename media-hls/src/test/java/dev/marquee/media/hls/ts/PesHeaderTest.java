package dev.marquee.media.hls.ts;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PesHeaderTest {
    @Test
    void audioHeaderCarriesLengthAndPtsOnly() {
        ByteBuf out = Unpooled.buffer();
        PesHeader.write(out, 0xC0, 100, 90_000, 90_000);
        // start code, stream id, length 3+5+100, '10' + data alignment, PTS flag, 5 header bytes, PTS 1 s.
        assertThat(Hex.of(out)).isEqualTo("000001c0006c" + "84" + "80" + "05" + "210005bf21");
    }

    @Test
    void videoHeaderCarriesPtsThenDtsWhenTheyDiffer() {
        ByteBuf out = Unpooled.buffer();
        PesHeader.write(out, 0xE0, 1000, 93_000, 90_000);
        assertThat(Hex.of(out)).startsWith("000001e0" + "03f5" + "84" + "c0" + "0a");
        byte[] b = ByteBufUtil.getBytes(out);
        assertThat(b[9] >> 4).isEqualTo(0x3);
        assertThat(b[14] >> 4).isEqualTo(0x1);
        assertThat(TsPackets.decodeTimestamp(b, 9)).isEqualTo(93_000);
        assertThat(TsPackets.decodeTimestamp(b, 14)).isEqualTo(90_000);
    }

    @Test
    void aPesTooLongForSixteenBitsSaysZero() {
        ByteBuf out = Unpooled.buffer();
        PesHeader.write(out, 0xE0, 70_000, 0, 0);
        assertThat(out.getUnsignedShort(4)).isZero();
    }

    @Test
    void timestampsKeepAllThirtyThreeBitsAndWrap() {
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            long ts = random.nextLong() & PesHeader.TIMESTAMP_MASK;
            ByteBuf out = Unpooled.buffer();
            PesHeader.writeTimestamp(out, 2, ts);
            assertThat(TsPackets.decodeTimestamp(ByteBufUtil.getBytes(out), 0)).isEqualTo(ts);
        }
        ByteBuf out = Unpooled.buffer();
        PesHeader.write(out, 0xC0, 1, (1L << 33) + 5, (1L << 33) + 5);
        assertThat(TsPackets.decodeTimestamp(ByteBufUtil.getBytes(out), 9)).isEqualTo(5);
        ByteBuf max = Unpooled.buffer();
        PesHeader.writeTimestamp(max, 2, PesHeader.TIMESTAMP_MASK);
        assertThat(Hex.of(max)).isEqualTo("2fffffffff");
    }
}
