package dev.marquee.media.hls.ts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramTablesTest {
    static final ProgramTables.ElementaryStream H264 = new ProgramTables.ElementaryStream(TsStreamType.H264, TsMuxer.VIDEO_PID);
    static final ProgramTables.ElementaryStream AAC = new ProgramTables.ElementaryStream(TsStreamType.AAC_ADTS, TsMuxer.AUDIO_PID);

    @Test
    void patPointsProgramOneAtThePmt() {
        // table 0, length 13, TS id 1, version 0 current, program 1 -> PID 0x1000, CRC.
        assertThat(Hex.of(ProgramTables.pat(TsMuxer.PMT_PID, 0))).isEqualTo("00b00d0001c100000001f0002ab104b2");
    }

    @Test
    void pmtListsVideoThenAudioWithThePcrOnVideo() {
        byte[] pmt = ProgramTables.pmt(TsMuxer.VIDEO_PID, List.of(H264, AAC), 0);
        assertThat(Hex.of(pmt)).startsWith("02b0170001c10000e100f000" + "1be100f000" + "0fe101f000").hasSize(2 * 26);
        assertThat(Crc32Mpeg2.compute(pmt, 0, pmt.length)).isZero();
    }

    @Test
    void hevcHasStreamType0x24() {
        byte[] pmt = ProgramTables.pmt(TsMuxer.VIDEO_PID, List.of(new ProgramTables.ElementaryStream(TsStreamType.HEVC, TsMuxer.VIDEO_PID)), 0);
        assertThat(TsPackets.pmtStreams(pmt)).containsExactly(java.util.Map.entry(TsMuxer.VIDEO_PID, 0x24));
    }

    @Test
    void versionNumberSitsBetweenTheReservedAndCurrentNextBits() {
        assertThat(ProgramTables.pat(TsMuxer.PMT_PID, 5)[5] & 0xFF).isEqualTo(0xC1 | (5 << 1));
        assertThat(ProgramTables.pmt(TsMuxer.AUDIO_PID, List.of(AAC), 31)[5] & 0xFF).isEqualTo(0xFF);
    }

    @Test
    void audioOnlyProgramPutsThePcrOnAudio() {
        byte[] pmt = ProgramTables.pmt(TsMuxer.AUDIO_PID, List.of(AAC), 0);
        assertThat(((pmt[8] & 0x1F) << 8) | (pmt[9] & 0xFF)).isEqualTo(TsMuxer.AUDIO_PID);
        assertThat(TsPackets.pmtStreams(pmt)).containsOnlyKeys(TsMuxer.AUDIO_PID);
    }
}
