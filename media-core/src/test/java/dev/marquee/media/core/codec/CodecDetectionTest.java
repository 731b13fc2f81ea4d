package dev.marquee.media.core.codec;

import static dev.marquee.media.core.codec.CodecConfigurationTest.AV1_C;
import static dev.marquee.media.core.codec.CodecConfigurationTest.AVC_C;
import static dev.marquee.media.core.codec.CodecConfigurationTest.HVC_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CodecDetectionTest {

    static String fourCc(String cc) {
        StringBuilder hex = new StringBuilder();
        for (byte b : cc.getBytes(StandardCharsets.ISO_8859_1)) hex.append(String.format("%02x", b));
        return hex.toString();
    }

    @Test
    void legacyAvcSequenceHeader() {
        ByteBuf body = Hex.buf("17 00 000000" + AVC_C);
        assertThat(VideoCodec.detect(body)).contains(VideoCodec.AVC);
        assertThat(AvcDecoderConfiguration.fromSequenceHeader(body).codecString()).isEqualTo("avc1.64001f");
        assertThat(body.readerIndex()).isZero();
    }

    @Test
    void enhancedSequenceStartsForEveryVideoFourCc() {
        assertThat(AvcDecoderConfiguration.fromSequenceHeader(Hex.buf("90" + fourCc("avc1") + AVC_C)).level()).isEqualTo(31);
        ByteBuf hevc = Hex.buf("90" + fourCc("hvc1") + HVC_C);
        assertThat(VideoCodec.detect(hevc)).contains(VideoCodec.HEVC);
        assertThat(HevcDecoderConfiguration.fromSequenceHeader(hevc).codecString()).isEqualTo("hvc1.1.6.L93.B0");
        ByteBuf av1 = Hex.buf("90" + fourCc("av01") + AV1_C);
        assertThat(VideoCodec.detect(av1)).contains(VideoCodec.AV1);
        assertThat(Av1CodecConfiguration.fromSequenceHeader(av1).codecString()).isEqualTo("av01.0.08M.08");
        assertThat(VideoCodec.detect(Hex.buf("91" + fourCc("vp09") + "00"))).contains(VideoCodec.VP9);
        assertThat(VideoCodec.detect(Hex.buf("a3" + fourCc("vp08")))).contains(VideoCodec.VP8);
    }

    @Test
    void legacyHevcCodecId12() {
        ByteBuf body = Hex.buf("1c 00 000000" + HVC_C);
        assertThat(VideoCodec.detect(body)).contains(VideoCodec.HEVC);
        assertThat(HevcDecoderConfiguration.fromSequenceHeader(body).level()).isEqualTo(93);
    }

    @Test
    void multitrackTakesTheFirstTrack() {
        // OneTrack: shared FourCC, track id, then the record
        ByteBuf oneTrack = Hex.buf("96 00" + fourCc("hvc1") + "00" + HVC_C);
        assertThat(VideoCodec.detect(oneTrack)).contains(VideoCodec.HEVC);
        assertThat(HevcDecoderConfiguration.fromSequenceHeader(oneTrack).level()).isEqualTo(93);
        // ManyTracks: shared FourCC, then per track: id, 24-bit size, record
        String avc = AVC_C.replace(" ", "");
        String size = String.format("%06x", avc.length() / 2);
        ByteBuf manyTracks = Hex.buf("96 10" + fourCc("avc1") + "00" + size + avc + "01" + size + avc);
        assertThat(AvcDecoderConfiguration.fromSequenceHeader(manyTracks).profile()).isEqualTo(100);
        // ManyTracksManyCodecs: per track FourCC, id, size, record
        ByteBuf manyCodecs = Hex.buf("96 20" + fourCc("av01") + "00 000004" + AV1_C + fourCc("avc1") + "01" + size + avc);
        assertThat(VideoCodec.detect(manyCodecs)).contains(VideoCodec.AV1);
        assertThat(Av1CodecConfiguration.fromSequenceHeader(manyCodecs).level()).isEqualTo(8);
        ByteBuf lyingSize = Hex.buf("96 10" + fourCc("avc1") + "00 00ffff" + avc);
        assertThatThrownBy(() -> AvcDecoderConfiguration.fromSequenceHeader(lyingSize)).isInstanceOf(CodecConfigurationException.class);
    }

    @Test
    void modExPrefixesAreSkipped() {
        // ModEx with 3 bytes of TimestampOffsetNano, then SequenceStart
        ByteBuf body = Hex.buf("97 02 0003e8 00" + fourCc("avc1") + AVC_C);
        assertThat(VideoCodec.detect(body)).contains(VideoCodec.AVC);
        assertThat(AvcDecoderConfiguration.fromSequenceHeader(body).level()).isEqualTo(31);
        ByteBuf audio = Hex.buf("97 00 00 00" + fourCc("mp4a") + "1210");
        assertThat(AacAudioSpecificConfig.fromSequenceHeader(audio).channelConfiguration()).isEqualTo(2);
    }

    @Test
    void commandFramesAndShortBodiesHaveNoCodec() {
        assertThat(VideoCodec.detect(Hex.buf("d1 00"))).isEmpty();
        assertThat(VideoCodec.detect(Hex.buf(""))).isEmpty();
        assertThat(VideoCodec.detect(Hex.buf("90 6176"))).isEmpty();
        assertThat(VideoCodec.detect(Hex.buf("90" + fourCc("xxxx")))).isEmpty();
        assertThat(VideoCodec.detect(Hex.buf("17"))).contains(VideoCodec.AVC);
        assertThat(VideoCodec.detect(Hex.buf("11"))).isEmpty();
    }

    @Test
    void audioLegacyAndEnhanced() {
        assertThat(AudioCodec.detect(Hex.buf("af 00 1210"))).contains(AudioCodec.AAC);
        assertThat(AacAudioSpecificConfig.fromSequenceHeader(Hex.buf("af 00 1210")).sampleRate()).isEqualTo(44100);
        assertThat(AacAudioSpecificConfig.fromSequenceHeader(Hex.buf("90" + fourCc("mp4a") + "1210")).codecString()).isEqualTo("mp4a.40.2");
        assertThat(AudioCodec.detect(Hex.buf("2f ff"))).contains(AudioCodec.MP3);
        assertThat(AudioCodec.detect(Hex.buf("91" + fourCc("Opus")))).contains(AudioCodec.OPUS);
        assertThat(AudioCodec.detect(Hex.buf("91" + fourCc("fLaC")))).contains(AudioCodec.FLAC);
        assertThat(AudioCodec.detect(Hex.buf("91" + fourCc("ac-3")))).contains(AudioCodec.AC3);
        assertThat(AudioCodec.detect(Hex.buf("95 01" + fourCc("ec-3") + "00 000001 00"))).contains(AudioCodec.EAC3);
        assertThat(AudioCodec.detect(Hex.buf("c0"))).isEmpty();
    }

    @Test
    void refusesTheWrongCodecOrPacketType() {
        assertThatThrownBy(() -> AacAudioSpecificConfig.fromSequenceHeader(Hex.buf("90" + fourCc("Opus") + "00")))
                .isInstanceOf(CodecConfigurationException.class).hasMessageContaining("AAC");
        assertThatThrownBy(() -> AacAudioSpecificConfig.fromSequenceHeader(Hex.buf("af 01 1210")))
                .isInstanceOf(CodecConfigurationException.class).hasMessageContaining("sequence header");
        assertThatThrownBy(() -> AvcDecoderConfiguration.fromSequenceHeader(Hex.buf("90" + fourCc("hvc1") + HVC_C)))
                .isInstanceOf(CodecConfigurationException.class);
        assertThatThrownBy(() -> AvcDecoderConfiguration.fromSequenceHeader(Hex.buf("17 00")))
                .isInstanceOf(CodecConfigurationException.class);
    }

    @Test
    void fourCcPacksBigEndian() {
        assertThat(FourCc.toInt(FourCc.HEVC)).isEqualTo(0x68766331);
        assertThat(FourCc.fromInt(0x4f707573)).isEqualTo(FourCc.OPUS);
        assertThat(VideoCodec.AV1.fourCc()).isEqualTo("av01");
        assertThat(VideoCodec.AVC.legacyCodecId()).isEqualTo(7);
        assertThat(AudioCodec.fromFourCc("mp4a")).contains(AudioCodec.AAC);
    }
}
