package dev.marquee.media.hls;

import dev.marquee.media.core.codec.Av1CodecConfiguration;
import dev.marquee.media.core.codec.AvcDecoderConfiguration;
import dev.marquee.media.core.codec.CodecConfiguration;
import dev.marquee.media.core.codec.HevcDecoderConfiguration;
import dev.marquee.media.core.codec.VideoCodec;
import dev.marquee.media.hls.ts.AnnexBWriter;
import dev.marquee.media.hls.ts.NalSyntax;
import dev.marquee.media.hls.ts.TsStreamType;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * A video stream HLS can carry, from its FLV sequence header: H.264 (in MPEG-TS, as Annex B), HEVC and AV1 (in
 * fragmented MP4, with the raw decoder configuration record; browsers play neither from TS).
 */
final class VideoFormat {
    private static final int HEVC_VPS = 32;
    private static final int HEVC_PPS = 34;

    private final VideoCodec codec;
    private final TsStreamType streamType;
    private final CodecConfiguration config;
    private final AnnexBWriter annexB;
    private final byte[] record;

    private VideoFormat(VideoCodec codec, TsStreamType streamType, CodecConfiguration config, AnnexBWriter annexB,
                        byte[] record) {
        this.codec = codec;
        this.streamType = streamType;
        this.config = config;
        this.annexB = annexB;
        this.record = record;
    }

    /**
     * The format of a video sequence header, or null for a codec HLS cannot carry here (VP9, VP8, …). Throws
     * {@link dev.marquee.media.core.codec.CodecConfigurationException} for a malformed record.
     */
    static VideoFormat fromSequenceHeader(ByteBuf body) {
        VideoCodec codec = VideoCodec.detect(body).orElse(null);
        if (codec == VideoCodec.AVC) {
            AvcDecoderConfiguration avc = AvcDecoderConfiguration.fromSequenceHeader(body);
            List<byte[]> sets = new ArrayList<>(avc.sequenceParameterSets());
            sets.addAll(avc.pictureParameterSets());
            return new VideoFormat(codec, TsStreamType.H264, avc, new AnnexBWriter(NalSyntax.H264, avc.nalLengthSize(), sets),
                    CodecConfiguration.videoRecord(body, codec));
        }
        if (codec == VideoCodec.HEVC) {
            HevcDecoderConfiguration hevc = HevcDecoderConfiguration.fromSequenceHeader(body);
            List<byte[]> sets = new ArrayList<>();
            for (int type = HEVC_VPS; type <= HEVC_PPS; type++) { // VPS, SPS, PPS: the order decoders need them in
                for (HevcDecoderConfiguration.NalUnitArray array : hevc.arrays()) {
                    if (array.nalUnitType() == type) sets.addAll(array.nalUnits());
                }
            }
            return new VideoFormat(codec, TsStreamType.HEVC, hevc, new AnnexBWriter(NalSyntax.HEVC, hevc.nalLengthSize(), sets),
                    CodecConfiguration.videoRecord(body, codec));
        }
        if (codec == VideoCodec.AV1) {
            return new VideoFormat(codec, null, Av1CodecConfiguration.fromSequenceHeader(body), null,
                    CodecConfiguration.videoRecord(body, codec));
        }
        return null;
    }

    VideoCodec codec() {
        return codec;
    }

    TsStreamType streamType() {
        return streamType;
    }

    AnnexBWriter annexB() {
        return annexB;
    }

    /** Whether segments go out as MPEG-TS (H.264) rather than fragmented MP4. */
    boolean inTransportStream() {
        return codec == VideoCodec.AVC;
    }

    /** The MP4 sample entry type: {@code avc1}, {@code hvc1} (parameter sets in the record) or {@code av01}. */
    String sampleEntry() {
        return switch (codec) {
            case AVC -> "avc1";
            case HEVC -> "hvc1";
            default -> "av01";
        };
    }

    byte[] record() {
        return record;
    }

    /** Same codec and decoder configuration: a republish that changes nothing a decoder sees. */
    boolean sameAs(VideoFormat other) {
        return other != null && config.equals(other.config);
    }
}
