package dev.marquee.media.hls.ts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TsMuxerTest {
    final ByteBuf out = Unpooled.buffer();

    @Test
    void segmentStartsWithPatAndPmtNamingBothStreams() {
        TsMuxer muxer = new TsMuxer(TsStreamType.H264, TsStreamType.AAC_ADTS, 0);
        muxer.writeTables(out);
        byte[] ts = ByteBufUtil.getBytes(out);
        assertThat(TsPackets.parse(ts)).extracting(TsPackets.Packet::pid).containsExactly(0, TsMuxer.PMT_PID);
        assertThat(Hex.of(TsPackets.section(ts, 0))).isEqualTo(Hex.of(ProgramTables.pat(TsMuxer.PMT_PID, 0)));
        byte[] pmt = TsPackets.section(ts, TsMuxer.PMT_PID);
        assertThat(TsPackets.pmtStreams(pmt)).containsExactly(Map.entry(TsMuxer.VIDEO_PID, 0x1B), Map.entry(TsMuxer.AUDIO_PID, 0x0F));
    }

    @Test
    void videoPesCarriesPtsDtsAndAPcrBehindTheDts() {
        TsMuxer muxer = new TsMuxer(TsStreamType.H264, TsStreamType.AAC_ADTS, 0);
        muxer.writeVideo(out, Unpooled.wrappedBuffer(new byte[500]), 183_000, 180_000, true);
        List<TsPackets.Pes> pes = TsPackets.pes(ByteBufUtil.getBytes(out), TsMuxer.VIDEO_PID);
        assertThat(pes).singleElement().satisfies(p -> {
            assertThat(p.streamId()).isEqualTo(0xE0);
            assertThat(p.pts()).isEqualTo(183_000);
            assertThat(p.dts()).isEqualTo(180_000);
            assertThat(p.randomAccess()).isTrue();
            assertThat(p.pcr()).isEqualTo(180_000 - TsMuxer.PCR_LEAD);
            assertThat(p.payload()).hasSize(500);
        });
    }

    @Test
    void audioBesideVideoHasNoPcrButAudioAloneDoes() {
        new TsMuxer(TsStreamType.H264, TsStreamType.AAC_ADTS, 0).writeAudio(out, Unpooled.wrappedBuffer(new byte[50]), 90_000);
        assertThat(TsPackets.pes(ByteBufUtil.getBytes(out), TsMuxer.AUDIO_PID)).singleElement()
                .satisfies(p -> assertThat(p.pcr()).isEqualTo(-1));
        out.clear();
        new TsMuxer(null, TsStreamType.AAC_ADTS, 0).writeAudio(out, Unpooled.wrappedBuffer(new byte[50]), 90_000);
        assertThat(TsPackets.pes(ByteBufUtil.getBytes(out), TsMuxer.AUDIO_PID)).singleElement().satisfies(p -> {
            assertThat(p.streamId()).isEqualTo(0xC0);
            assertThat(p.pcr()).isEqualTo(90_000 - TsMuxer.PCR_LEAD);
            assertThat(p.declaredLength()).isEqualTo(3 + 5 + 50);
        });
    }

    @Test
    void pcrNeverGoesBelowZeroAtTheStart() {
        new TsMuxer(TsStreamType.HEVC, null, 0).writeVideo(out, Unpooled.wrappedBuffer(new byte[10]), 0, 0, true);
        assertThat(TsPackets.pes(ByteBufUtil.getBytes(out), TsMuxer.VIDEO_PID).get(0).pcr()).isZero();
    }

    @Test
    void continuityCountersRunOnAcrossSegmentsPerPid() {
        TsMuxer muxer = new TsMuxer(TsStreamType.H264, null, 0);
        for (int segment = 0; segment < 3; segment++) {
            muxer.writeTables(out);
            muxer.writeVideo(out, Unpooled.wrappedBuffer(new byte[10]), 0, 0, true);
        }
        List<TsPackets.Packet> packets = TsPackets.parse(ByteBufUtil.getBytes(out));
        for (int pid : new int[] {0, TsMuxer.PMT_PID, TsMuxer.VIDEO_PID}) {
            assertThat(packets.stream().filter(p -> p.pid() == pid).map(TsPackets.Packet::continuityCounter)).containsExactly(0, 1, 2);
        }
    }

    @Test
    void refusesStreamsOfTheWrongKind() {
        assertThatThrownBy(() -> new TsMuxer(null, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TsMuxer(TsStreamType.AAC_ADTS, null, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TsMuxer(null, TsStreamType.H264, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TsMuxer(null, TsStreamType.AAC_ADTS, 0).writeVideo(out, Unpooled.buffer(1), 0, 0, true))
                .isInstanceOf(IllegalStateException.class);
    }
}
