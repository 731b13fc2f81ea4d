package dev.marquee.bench.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BenchStampTest {
    private static byte[] stampedFrame(long micros, int header0, int packetType) {
        byte[] sei = BenchStamp.lengthPrefixedSei(micros);
        byte[] body = new byte[5 + sei.length + 20];
        body[0] = (byte) header0;
        body[1] = (byte) packetType;
        System.arraycopy(sei, 0, body, 5, sei.length);
        return body;
    }

    @Test
    void readsBackTheStampedTime() {
        long micros = 1_795_343_396_549_123L;
        byte[] body = stampedFrame(micros, 0x27, 1);
        assertThat(BenchStamp.read(body, TagSink.PEEK_BYTES)).isEqualTo(micros);
        assertThat(BenchStamp.read(body, BenchStamp.READ_BYTES)).isEqualTo(micros);
    }

    @Test
    void needsNoEmulationPrevention() {
        byte[] sei = BenchStamp.lengthPrefixedSei(1_000_000_000_000_000L);
        byte[] nal = Arrays.copyOfRange(sei, 4, sei.length);
        for (int i = 0; i + 2 < nal.length; i++) {
            assertThat(nal[i] == 0 && nal[i + 1] == 0 && (nal[i + 2] & 0xFF) <= 3).as("00 00 0x at %d", i).isFalse();
        }
        assertThat(sei).hasSize(BenchStamp.SIZE);
        assertThat(sei[3]).isEqualTo((byte) BenchStamp.NAL_SIZE);
    }

    @Test
    void findsNothingWhereThereIsNoStamp() {
        long micros = 1_795_343_396_549_123L;
        assertThat(BenchStamp.read(stampedFrame(micros, 0x17, 0), 48)).isEqualTo(-1); // a sequence header
        assertThat(BenchStamp.read(stampedFrame(micros, 0x2C, 1), 48)).isEqualTo(-1); // HEVC
        assertThat(BenchStamp.read(stampedFrame(micros, 0x27, 1), BenchStamp.READ_BYTES - 1)).isEqualTo(-1); // cut short
        byte[] plain = new byte[48];
        plain[0] = 0x27;
        plain[1] = 1;
        plain[8] = 30;
        plain[9] = 0x41; // an ordinary slice
        assertThat(BenchStamp.read(plain, 48)).isEqualTo(-1);
    }
}
