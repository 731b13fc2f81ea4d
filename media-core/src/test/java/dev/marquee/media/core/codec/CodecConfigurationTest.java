package dev.marquee.media.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CodecConfigurationTest {
    // High profile, level 3.1, 4-byte lengths, one 4-byte SPS, one 2-byte PPS.
    static final String AVC_C = "01 64 00 1f ff e1 0004 6764001f 01 0002 68ee";
    // Main profile, level 3.1, progressive+frame-only constraints, 4-byte lengths, one VPS/SPS/PPS array each.
    static final String HVC_C = "01 01 60000000 b00000000000 5d f000 fc fd f8 f8 0000 0f 03"
            + " a0 0001 0003 400c01" + " a1 0001 0003 420101" + " a2 0001 0002 4401";
    static final String AV1_C = "81 08 0c 00";

    @Test
    void avcRecordGivesProfileLevelAndParameterSets() {
        AvcDecoderConfiguration avc = AvcDecoderConfiguration.parse(Hex.buf(AVC_C));
        assertThat(avc.profile()).isEqualTo(100);
        assertThat(avc.level()).isEqualTo(31);
        assertThat(avc.nalLengthSize()).isEqualTo(4);
        assertThat(avc.sequenceParameterSets()).singleElement().isEqualTo(Hex.bytes("6764001f"));
        assertThat(avc.pictureParameterSets()).singleElement().isEqualTo(Hex.bytes("68ee"));
        assertThat(avc.codecString()).isEqualTo("avc1.64001f");
    }

    @Test
    void hevcRecordGivesTheAnnexECodecString() {
        HevcDecoderConfiguration hevc = HevcDecoderConfiguration.parse(Hex.buf(HVC_C));
        assertThat(hevc.profile()).isEqualTo(1);
        assertThat(hevc.level()).isEqualTo(93);
        assertThat(hevc.highTier()).isFalse();
        assertThat(hevc.chromaFormat()).isEqualTo(1);
        assertThat(hevc.bitDepthLuma()).isEqualTo(8);
        assertThat(hevc.nalLengthSize()).isEqualTo(4);
        assertThat(hevc.arrays()).extracting(HevcDecoderConfiguration.NalUnitArray::nalUnitType).containsExactly(32, 33, 34);
        assertThat(hevc.arrays().get(0).complete()).isTrue();
        assertThat(hevc.codecString()).isEqualTo("hvc1.1.6.L93.B0");
        assertThat(hevc.codecString("hev1")).isEqualTo("hev1.1.6.L93.B0");
    }

    @Test
    void hevcMain10HighTierCodecString() {
        String main10 = "01 22 20000000 900000000000 78 f000 fc fd fa fa 0000 0f 00";
        assertThat(HevcDecoderConfiguration.parse(Hex.buf(main10)).codecString()).isEqualTo("hvc1.2.4.H120.90");
    }

    @Test
    void av1RecordGivesProfileLevelTierAndDepth() {
        Av1CodecConfiguration av1 = Av1CodecConfiguration.parse(Hex.buf(AV1_C));
        assertThat(av1.codecString()).isEqualTo("av01.0.08M.08");
        assertThat(av1.chromaSubsamplingX()).isTrue();
        assertThat(Av1CodecConfiguration.parse(Hex.buf("81 29 40 00")).codecString()).isEqualTo("av01.1.09M.10");
        assertThat(Av1CodecConfiguration.parse(Hex.buf("81 4d e0 00")).codecString()).isEqualTo("av01.2.13H.12");
    }

    @Test
    void aacLowComplexity() {
        AacAudioSpecificConfig aac = AacAudioSpecificConfig.parse(Hex.buf("12 10"));
        assertThat(aac).isEqualTo(new AacAudioSpecificConfig(2, 4, 44100, 2, 0));
        assertThat(aac.codecString()).isEqualTo("mp4a.40.2");
    }

    @Test
    void aacWithExplicitSbrAndEscapes() {
        AacAudioSpecificConfig he = AacAudioSpecificConfig.parse(Hex.buf("2b 92 08 00"));
        assertThat(he).isEqualTo(new AacAudioSpecificConfig(5, 7, 22050, 2, 44100));
        assertThat(he.codecString()).isEqualTo("mp4a.40.5");
        // object type 2, frequency index 15 then 24-bit 44100 (0x00ac44), one channel
        AacAudioSpecificConfig escaped = AacAudioSpecificConfig.parse(Hex.buf(bits("00010" + "1111" + "000000001010110001000100" + "0001" + "000")));
        assertThat(escaped).isEqualTo(new AacAudioSpecificConfig(2, 15, 44100, 1, 0));
        // object type escape 31 + 10 = 42 (USAC), 48 kHz, stereo
        AacAudioSpecificConfig usac = AacAudioSpecificConfig.parse(Hex.buf(bits("11111" + "001010" + "0011" + "0010" + "0")));
        assertThat(usac.objectType()).isEqualTo(42);
        assertThat(usac.sampleRate()).isEqualTo(48000);
    }

    @Test
    void refusesReservedAacValues() {
        assertThatThrownBy(() -> AacAudioSpecificConfig.parse(Hex.buf("16 90"))).isInstanceOf(CodecConfigurationException.class);
        assertThatThrownBy(() -> AacAudioSpecificConfig.parse(Hex.buf("02 10"))).isInstanceOf(CodecConfigurationException.class);
    }

    @Test
    void refusesWrongVersions() {
        assertThatThrownBy(() -> AvcDecoderConfiguration.parse(Hex.buf("02" + AVC_C.substring(2)))).isInstanceOf(CodecConfigurationException.class);
        assertThatThrownBy(() -> HevcDecoderConfiguration.parse(Hex.buf("00" + HVC_C.substring(2)))).isInstanceOf(CodecConfigurationException.class);
        assertThatThrownBy(() -> Av1CodecConfiguration.parse(Hex.buf("01 08 0c 00"))).isInstanceOf(CodecConfigurationException.class);
    }

    @Test
    void truncationAtEveryOffsetIsACodecConfigurationException() {
        assertEveryTruncationRefused(Hex.bytes(AVC_C), AvcDecoderConfiguration::parse);
        assertEveryTruncationRefused(Hex.bytes(HVC_C), HevcDecoderConfiguration::parse);
        assertEveryTruncationRefused(Hex.bytes(AV1_C), Av1CodecConfiguration::parse);
        assertEveryTruncationRefused(Hex.bytes("2b 92 08"), AacAudioSpecificConfig::parse);
    }

    @Test
    void parsingDoesNotMoveTheCallersIndexes() {
        ByteBuf record = Hex.buf(AVC_C);
        AvcDecoderConfiguration.parse(record);
        assertThat(record.readerIndex()).isZero();
    }

    private static void assertEveryTruncationRefused(byte[] record, Function<ByteBuf, ?> parser) {
        for (int cut = 0; cut < record.length; cut++) {
            ByteBuf in = Unpooled.wrappedBuffer(record, 0, cut);
            assertThat(catchThrowable(() -> parser.apply(in))).as("cut at %d", cut).isInstanceOf(CodecConfigurationException.class);
        }
    }

    /** A bit string, padded with zeros to whole bytes, as hex. */
    static String bits(String bits) {
        StringBuilder padded = new StringBuilder(bits);
        while (padded.length() % 8 != 0) padded.append('0');
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < padded.length(); i += 8) {
            hex.append(String.format("%02x", Integer.parseInt(padded.substring(i, i + 8), 2)));
        }
        return hex.toString();
    }
}
