package dev.marquee.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.hls.ts.TsMuxer;
import dev.marquee.media.hls.ts.TsPackets;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveHlsSegmenterTest {
    final LiveHlsSegmenter segmenter = new LiveHlsSegmenter();

    @Test
    void cutsAtTheFirstKeyframeAfterTheTargetDuration() {
        TestStream.av().keyframeEvery(1500).feed(segmenter::onFrame, 0, 10_000);
        segmenter.onEnd();
        // Keyframes at 0, 1.5, 3, 4.5, 6, 7.5, 9 s: the first at or past 2 s after each start cuts.
        assertThat(HlsOutput.durations(segmenter.playlist())).containsExactly(3.0, 3.0, 3.0, 1.0);
        assertThat(segmenter.playlist()).contains("#EXT-X-TARGETDURATION:3\n").endsWith("#EXT-X-ENDLIST\n");
        long[] starts = {0, 3000, 6000, 9000};
        for (int i = 0; i < starts.length; i++) {
            byte[] ts = segment(i);
            List<TsPackets.Packet> packets = TsPackets.parse(ts);
            assertThat(packets.get(0).pid()).isZero();
            assertThat(packets.get(1).pid()).isEqualTo(TsMuxer.PMT_PID);
            assertThat(packets.get(2).pid()).isEqualTo(TsMuxer.VIDEO_PID);
            TsPackets.Pes first = TsPackets.pes(ts, TsMuxer.VIDEO_PID).get(0);
            assertThat(first.randomAccess()).isTrue();
            assertThat(first.dts()).isEqualTo(starts[i] * 90);
            assertThat(first.payload()).startsWith(0, 0, 0, 1, 0x09, (byte) 0xF0, 0, 0, 0, 1, 0x67);
        }
    }

    @Test
    void targetDurationIsConfigurable() {
        LiveHlsSegmenter oneSecond = new LiveHlsSegmenter(HlsSettings.DEFAULTS.withTargetDuration(Duration.ofSeconds(1)));
        TestStream.av().keyframeEvery(500).feed(oneSecond::onFrame, 0, 4000);
        oneSecond.onEnd();
        assertThat(HlsOutput.durations(oneSecond.playlist())).containsExactly(1.0, 1.0, 1.0, 1.0);
        assertThat(oneSecond.playlist()).contains("#EXT-X-TARGETDURATION:1\n");
    }

    @Test
    void audioLandsInTheSegmentOfItsTimeAsAdtsPackedFewFramesPerPes() {
        TestStream.av().feed(segmenter::onFrame, 0, 4000);
        segmenter.onEnd();
        List<TsPackets.Pes> audio = TsPackets.pes(segment(0), TsMuxer.AUDIO_PID);
        assertThat(audio).allSatisfy(p -> {
            assertThat(p.streamId()).isEqualTo(0xC0);
            assertThat(p.pts()).isLessThan(2000 * 90);
            assertThat(p.payload()).startsWith(0xFF, 0xF1, 0x50, 0x80);
        });
        int frames = audio.stream().mapToInt(p -> p.payload().length / (7 + 200)).sum();
        assertThat(frames).isEqualTo((int) Math.ceil(2000 / TestStream.AUDIO_FRAME_MILLIS));
        assertThat(audio.size()).isLessThan(frames / 3);
        assertThat(TsPackets.pes(segment(1), TsMuxer.AUDIO_PID).get(0).pts()).isGreaterThanOrEqualTo(2000 * 90);
    }

    @Test
    void everyFrameIsReleasedWhateverBecomesOfIt() {
        List<FlvTag> tags = new ArrayList<>();
        tags.add(Frames.metadata(true, true));
        tags.add(Frames.avc(0, true, 0, 10)); // before any configuration
        TestStream.av().feed(tags::add, 0, 3000);
        tags.add(new FlvTag(FlvTag.VIDEO, 3000, ByteBufAllocator.DEFAULT.buffer().writeBytes(new byte[] {0x17, 1, 0, 0, 0, 0, 0, 0, 9})));
        tags.add(new FlvTag(FlvTag.VIDEO, 3000, ByteBufAllocator.DEFAULT.buffer().writeBytes(new byte[] {0x17, 0, 0, 0, 0, 9})));
        tags.add(new FlvTag(FlvTag.AUDIO, 3000, ByteBufAllocator.DEFAULT.buffer().writeBytes(new byte[] {0x2F, 1, 2})));
        List<FlvTag> afterEnd = TestStream.av().frames(3000, 3100);
        for (FlvTag tag : tags) segmenter.onFrame(tag);
        segmenter.onEnd();
        for (FlvTag tag : afterEnd) segmenter.onFrame(tag);
        assertThat(tags).allSatisfy(t -> assertThat(t.refCnt()).isZero());
        assertThat(afterEnd).allSatisfy(t -> assertThat(t.refCnt()).isZero());
        assertThat(segmenter.droppedFrames()).isEqualTo(4); // frame before its header, bad NAL length, broken avcC, MP3
    }

    @Test
    void audioOnlyStreamIsCutOnTheAudioClock() {
        TestStream.audioOnly().feed(segmenter::onFrame, 0, 7000);
        segmenter.onEnd();
        assertThat(HlsOutput.durations(segmenter.playlist())).hasSize(4).allSatisfy(d -> assertThat(d).isBetween(0.9, 2.03));
        byte[] ts = segment(1);
        assertThat(TsPackets.pmtStreams(TsPackets.section(ts, TsMuxer.PMT_PID))).containsOnlyKeys(TsMuxer.AUDIO_PID);
        TsPackets.Pes first = TsPackets.pes(ts, TsMuxer.AUDIO_PID).get(0);
        assertThat(first.pcr()).isNotNegative();
        assertThat(first.pts()).isBetween(2000L * 90, 2030L * 90);
    }

    @Test
    void videoOnlyStreamHasOnlyAVideoStream() {
        TestStream.videoOnly().feed(segmenter::onFrame, 0, 5000);
        segmenter.onEnd();
        assertThat(HlsOutput.durations(segmenter.playlist())).containsExactly(2.0, 2.0, 1.0);
        assertThat(TsPackets.pmtStreams(TsPackets.section(segment(0), TsMuxer.PMT_PID)))
                .containsExactly(Map.entry(TsMuxer.VIDEO_PID, 0x1B));
    }

    @Test
    void aNewDecoderConfigurationStartsADiscontinuity() {
        TestStream.av().feed(segmenter::onFrame, 0, 5000);
        segmenter.onFrame(Frames.avcConfig(5000, new byte[] {0x67, 0x4D, 0x00, 0x1E}, Frames.PPS)); // republish, other encoder
        TestStream.av().frames(5000, 9000).forEach(segmenter::onFrame);
        segmenter.onEnd();
        assertThat(segmenter.playlist()).contains("#EXTINF:1.000,\nseg-2.ts\n#EXT-X-DISCONTINUITY\n#EXTINF:2.000,\nseg-3.ts\n");
        byte[] after = segment(3);
        assertThat(TsPackets.section(after, 0)[5] & 0x3E).isNotEqualTo(TsPackets.section(segment(0), 0)[5] & 0x3E);
        assertThat(TsPackets.pes(after, TsMuxer.VIDEO_PID).get(0).payload()).startsWith(0, 0, 0, 1, 0x09, (byte) 0xF0, 0, 0, 0, 1, 0x67, 0x4D);
    }

    @Test
    void republishingTheSameConfigurationIsSeamless() {
        TestStream.av().feed(segmenter::onFrame, 0, 5000);
        TestStream.av().feed(segmenter::onFrame, 5000, 9000);
        segmenter.onEnd();
        assertThat(segmenter.playlist()).doesNotContain("DISCONTINUITY");
        assertThat(HlsOutput.durations(segmenter.playlist())).containsExactly(2.0, 2.0, 2.0, 2.0, 1.0);
    }

    @Test
    void aTimestampResetStartsADiscontinuity() {
        TestStream.av().feed(segmenter::onFrame, 10_000, 15_000);
        TestStream.av().frames(0, 4000).forEach(segmenter::onFrame);
        segmenter.onEnd();
        assertThat(segmenter.playlist()).contains("seg-2.ts\n#EXT-X-DISCONTINUITY\n#EXTINF:2.000,\nseg-3.ts\n");
        assertThat(TsPackets.pes(segment(3), TsMuxer.VIDEO_PID).get(0).dts()).isZero();
    }

    @Test
    void keepsTheNewestSegmentsAndSlidesTheMediaSequence() {
        LiveHlsSegmenter small = new LiveHlsSegmenter(HlsSettings.DEFAULTS.withPlaylistSize(3));
        TestStream.av().feed(small::onFrame, 0, 30_000);
        assertThat(small.playlist()).contains("#EXT-X-MEDIA-SEQUENCE:11\n").contains("seg-11.ts", "seg-12.ts", "seg-13.ts")
                .doesNotContain("seg-10.ts", "ENDLIST");
        assertThat(small.segment(9)).isPresent(); // left the playlist a moment ago: a player may still ask
        assertThat(small.segment(8)).isEmpty();
        assertThat(small.segment(14)).isEmpty(); // still being written
    }

    @Test
    void metadataMakesTheFirstSegmentWaitForTheAnnouncedAudio() {
        segmenter.onFrame(Frames.metadata(true, true));
        segmenter.onFrame(Frames.avcConfig(0));
        List<FlvTag> frames = TestStream.videoOnly().frames(0, 6000);
        for (FlvTag frame : frames) {
            if (frame.timestamp() == 500) segmenter.onFrame(Frames.aacConfig(500)); // a late audio header
            segmenter.onFrame(frame);
        }
        segmenter.onEnd();
        assertThat(segmenter.playlist()).doesNotContain("DISCONTINUITY");
        assertThat(TsPackets.pmtStreams(TsPackets.section(segment(0), TsMuxer.PMT_PID))).containsOnlyKeys(TsMuxer.VIDEO_PID, TsMuxer.AUDIO_PID);
        assertThat(TsPackets.pes(segment(0), TsMuxer.VIDEO_PID).get(0).dts()).isEqualTo(1000 * 90);
    }

    @Test
    void anAnnouncedTrackThatNeverComesIsWaitedForOnlyATargetDuration() {
        segmenter.onFrame(Frames.metadata(true, true));
        segmenter.onFrame(Frames.avcConfig(0));
        TestStream.videoOnly().frames(0, 8000).forEach(segmenter::onFrame);
        segmenter.onEnd();
        assertThat(TsPackets.pes(segment(0), TsMuxer.VIDEO_PID).get(0).dts()).isEqualTo(2000 * 90);
    }

    @Test
    void withoutMetadataALateTrackBreaksOffTheFirstSegment() {
        segmenter.onFrame(Frames.avcConfig(0));
        List<FlvTag> frames = TestStream.videoOnly().frames(0, 5000);
        for (FlvTag frame : frames) {
            if (frame.timestamp() == 500) segmenter.onFrame(Frames.aacConfig(500));
            segmenter.onFrame(frame);
        }
        segmenter.onEnd();
        assertThat(segmenter.playlist()).contains("seg-0.ts\n#EXT-X-DISCONTINUITY\n");
        assertThat(TsPackets.pmtStreams(TsPackets.section(segment(1), TsMuxer.PMT_PID))).hasSize(2);
    }

    @Test
    void aSegmentWithoutKeyframesThatOutgrowsTheLimitIsDropped() {
        LiveHlsSegmenter limited = new LiveHlsSegmenter(new HlsSettings(Duration.ofSeconds(2), 6, 64 * 1024));
        TestStream.videoOnly().keyframeEvery(10_000).videoFrameSize(400).feed(limited::onFrame, 0, 12_000);
        limited.onEnd();
        // The first GOP (10 s of 400-byte frames) grew past 64 kB and was dropped; the 2 s one at 10 s fits.
        assertThat(limited.playlist()).contains("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-DISCONTINUITY\n#EXTINF:2.000,\nseg-0.ts\n");
    }

    @Test
    void enhancedRtmpHevcBecomesAnHevcStream() {
        segmenter.onFrame(new FlvTag(FlvTag.VIDEO, 0, buffer("90 68766331" + HEVC_CONFIG)));
        for (int i = 0; i < 100; i++) {
            boolean key = i % 30 == 0;
            String frame = key ? "93 68766331 00000003 2601af" : "a1 68766331 000000 00000003 0201d0";
            segmenter.onFrame(new FlvTag(FlvTag.VIDEO, Math.round(i * 1000.0 / 30), buffer(frame)));
        }
        segmenter.onEnd();
        assertThat(HlsOutput.durations(segmenter.playlist())).containsExactly(2.0, 1.333);
        // Browsers take HEVC in fragmented MP4 only: an init segment with the hvcC as sent, fragments with the
        // frames as sent (length-prefixed NAL units, no Annex B).
        assertThat(segmenter.playlist()).contains("#EXT-X-VERSION:7\n", "#EXT-X-MAP:URI=\"init-1.mp4\"\n", "seg-0.m4s\n", "seg-1.m4s\n");
        String init = io.netty.buffer.ByteBufUtil.hexDump(segmenter.initSegment(1).orElseThrow());
        assertThat(init).contains(hex("hvc1"), hex("hvcC") + HEVC_CONFIG.replace(" ", ""), hex("mvex"), hex("trex"));
        String fragment = io.netty.buffer.ByteBufUtil.hexDump(segment(0));
        assertThat(fragment.substring(8, 16)).as("a fragment starts with its moof").isEqualTo(hex("moof"));
        assertThat(fragment).contains(hex("mdat") + "000000032601af" + "000000030201d0");
        assertThat(segmenter.droppedFrames()).isZero();
    }

    @Test
    void playlistBeforeTheFirstSegmentIsEmptyButValid() {
        assertThat(segmenter.hasSegments()).isFalse();
        assertThat(segmenter.playlist()).isEqualTo("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n");
        TestStream.av().feed(segmenter::onFrame, 0, 2100);
        assertThat(segmenter.hasSegments()).isTrue();
        assertThat(segmenter.isEnded()).isFalse();
        segmenter.onEnd();
        segmenter.onEnd();
        assertThat(segmenter.isEnded()).isTrue();
        assertThat(segmenter.playlist()).endsWith("seg-1.ts\n#EXT-X-ENDLIST\n");
    }

    // Main profile, level 3.1, 4-byte lengths, one VPS/SPS/PPS each (as media-core's codec tests use).
    @Test
    void enhancedRtmpAv1BecomesFragmentedMp4WithItsAv1C() {
        String av1C = "81 08 0c 00" + " 0a0b0000000000003fe6";  // profile 0, level 8, 4:2:0; then the sequence header OBU
        segmenter.onFrame(new FlvTag(FlvTag.VIDEO, 0, buffer("90 61763031" + av1C)));
        for (int i = 0; i < 90; i++) {
            boolean key = i % 30 == 0;
            // CodedFrames of av01 carry no composition time: the OBUs follow the FourCC.
            String frame = key ? "91 61763031 12 00 32 03 aabbcc" : "a1 61763031 12 00 32 02 ddee";
            segmenter.onFrame(new FlvTag(FlvTag.VIDEO, Math.round(i * 1000.0 / 30), buffer(frame)));
        }
        segmenter.onEnd();
        assertThat(segmenter.playlist()).contains("#EXT-X-MAP:URI=\"init-1.mp4\"\n", "seg-0.m4s\n");
        String init = io.netty.buffer.ByteBufUtil.hexDump(segmenter.initSegment(1).orElseThrow());
        assertThat(init).contains(hex("av01"), hex("av1C") + av1C.replace(" ", ""));
        assertThat(io.netty.buffer.ByteBufUtil.hexDump(segment(0))).contains(hex("mdat") + "12003203aabbcc" + "12003202ddee");
        assertThat(segmenter.droppedFrames()).isZero();
    }

    static final String HEVC_CONFIG = "01 01 60000000 b00000000000 5d f000 fc fd f8 f8 0000 0f 03"
            + " a0 0001 0003 400c01" + " a1 0001 0003 420101" + " a2 0001 0002 4401";

    byte[] segment(long sequence) {
        return segmenter.segment(sequence).orElseThrow().toByteArray();
    }

    static io.netty.buffer.ByteBuf buffer(String hex) {
        return ByteBufAllocator.DEFAULT.buffer().writeBytes(io.netty.buffer.ByteBufUtil.decodeHexDump(hex.replace(" ", "")));
    }

    private static String hex(String ascii) {
        return io.netty.buffer.ByteBufUtil.hexDump(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
