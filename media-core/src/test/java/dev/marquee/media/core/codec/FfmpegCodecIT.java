package dev.marquee.media.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.core.FfmpegSamples;
import dev.marquee.media.core.flv.FlvReader;
import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.Unpooled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Codec strings computed from ffmpeg's own records agree with what ffprobe reports for the same stream. */
@Tag("it")
class FfmpegCodecIT {
    // ffprobe's H.264 profile names and the profile_idc each stands for.
    private static final Map<String, Integer> AVC_PROFILES = Map.of("Baseline", 66, "Constrained Baseline", 66,
            "Main", 77, "Extended", 88, "High", 100, "High 10", 110, "High 4:2:2", 122, "High 4:4:4 Predictive", 244);
    private static final Map<String, Integer> HEVC_PROFILES = Map.of("Main", 1, "Main 10", 2, "Main Still Picture", 3, "Rext", 4);
    private static final Map<String, Integer> AV1_PROFILES = Map.of("Main", 0, "High", 1, "Professional", 2);
    private static final Map<String, Integer> AAC_OBJECT_TYPES = Map.of("Main", 1, "LC", 2, "SSR", 3, "LTP", 4, "HE-AAC", 5, "HE-AACv2", 29);

    @TempDir
    Path dir;

    @Test
    void avcAndAacFromFfmpegsFlvMatchFfprobe() throws Exception {
        Path flv = FfmpegSamples.avcAacFlv(dir);
        List<FlvTag> tags = new ArrayList<>();
        new FlvReader().feed(Unpooled.wrappedBuffer(Files.readAllBytes(flv)), tags::add);
        try {
            FlvTag videoHeader = tags.stream().filter(t -> t.isVideo() && t.isSequenceHeader()).findFirst().orElseThrow();
            FlvTag audioHeader = tags.stream().filter(t -> t.isAudio() && t.isSequenceHeader()).findFirst().orElseThrow();
            assertThat(VideoCodec.detect(videoHeader.body())).contains(VideoCodec.AVC);
            assertThat(AudioCodec.detect(audioHeader.body())).contains(AudioCodec.AAC);

            AvcDecoderConfiguration avc = AvcDecoderConfiguration.fromSequenceHeader(videoHeader.body());
            Map<String, String> video = FfmpegSamples.probeStream(flv, "v", "profile,level");
            assertThat(avc.profile()).isEqualTo(AVC_PROFILES.get(video.get("profile")));
            assertThat(avc.level()).isEqualTo(Integer.parseInt(video.get("level")));
            assertThat(avc.codecString()).isEqualTo(String.format("avc1.%02x%02x%02x", avc.profile(), avc.compatibility(), avc.level()))
                    .startsWith("avc1." + String.format("%02x", AVC_PROFILES.get(video.get("profile"))));
            byte[] sps = avc.sequenceParameterSets().get(0);
            assertThat(sps[0] & 0x1F).isEqualTo(7); // an SPS NAL unit, whose next three bytes repeat the record's
            assertThat(new int[] {sps[1] & 0xFF, sps[2] & 0xFF, sps[3] & 0xFF}).containsExactly(avc.profile(), avc.compatibility(), avc.level());
            assertThat(avc.pictureParameterSets()).hasSize(1);
            assertThat(avc.nalLengthSize()).isEqualTo(4);

            AacAudioSpecificConfig aac = AacAudioSpecificConfig.fromSequenceHeader(audioHeader.body());
            Map<String, String> audio = FfmpegSamples.probeStream(flv, "a", "profile,sample_rate,channels");
            assertThat(aac.objectType()).isEqualTo(AAC_OBJECT_TYPES.get(audio.get("profile")));
            assertThat(aac.sampleRate()).isEqualTo(Integer.parseInt(audio.get("sample_rate")));
            assertThat(aac.channelConfiguration()).isEqualTo(Integer.parseInt(audio.get("channels")));
            assertThat(aac.codecString()).isEqualTo("mp4a.40.2");
        } finally {
            tags.forEach(FlvTag::release);
        }
    }

    @Test
    void hevcFromX265MatchesFfprobeAlsoInsideAnEnhancedRtmpSequenceStart() throws Exception {
        Path mp4 = FfmpegSamples.hevcMp4(dir);
        byte[] hvcC = FfmpegSamples.boxPayload(mp4, "hvcC");
        HevcDecoderConfiguration hevc = HevcDecoderConfiguration.parse(Unpooled.wrappedBuffer(hvcC));
        Map<String, String> probe = FfmpegSamples.probeStream(mp4, "v", "profile,level,codec_tag_string");
        assertThat(probe.get("codec_tag_string")).isEqualTo("hvc1");
        assertThat(hevc.profile()).isEqualTo(HEVC_PROFILES.get(probe.get("profile")));
        assertThat(hevc.level()).isEqualTo(Integer.parseInt(probe.get("level")));
        assertThat(hevc.arrays()).extracting(HevcDecoderConfiguration.NalUnitArray::nalUnitType).contains(32, 33, 34);
        // Main profile is also compatible with Main 10 (flags 1 and 2), hence ".6"; x265 marks progressive frame-only.
        assertThat(hevc.codecString()).isEqualTo("hvc1.1.6.L" + probe.get("level") + ".90");

        byte[] header = {(byte) 0x90, 'h', 'v', 'c', '1'};
        var body = Unpooled.wrappedBuffer(header, hvcC);
        assertThat(VideoCodec.detect(body)).contains(VideoCodec.HEVC);
        assertThat(HevcDecoderConfiguration.fromSequenceHeader(body)).isEqualTo(hevc);
    }

    @Test
    void av1FromSvtMatchesFfprobe() throws Exception {
        Path mp4 = FfmpegSamples.av1Mp4(dir);
        byte[] av1C = FfmpegSamples.boxPayload(mp4, "av1C");
        Av1CodecConfiguration av1 = Av1CodecConfiguration.parse(Unpooled.wrappedBuffer(av1C));
        Map<String, String> probe = FfmpegSamples.probeStream(mp4, "v", "profile,level,pix_fmt");
        assertThat(av1.profile()).isEqualTo(AV1_PROFILES.get(probe.get("profile")));
        assertThat(av1.level()).isEqualTo(Integer.parseInt(probe.get("level")));
        assertThat(av1.bitDepth()).isEqualTo(probe.get("pix_fmt").contains("10") ? 10 : 8);
        assertThat(av1.codecString()).isEqualTo(String.format("av01.%d.%02dM.%02d", av1.profile(), av1.level(), av1.bitDepth()));
    }
}
