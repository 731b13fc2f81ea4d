package dev.marquee.media.hls;

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

/** A video stream transport streams can carry (H.264 or HEVC), from its FLV sequence header. */
final class VideoFormat {
    private static final int HEVC_VPS = 32;
    private static final int HEVC_PPS = 34;

    private final VideoCodec codec;
    private final TsStreamType streamType;
    private final CodecConfiguration config;
    private final AnnexBWriter annexB;

    private VideoFormat(VideoCodec codec, TsStreamType streamType, CodecConfiguration config, AnnexBWriter annexB) {
        this.codec = codec;
        this.streamType = streamType;
        this.config = config;
        this.annexB = annexB;
    }

    /**
     * The format of a video sequence header, or null for a codec TS cannot carry here (AV1, VP9, …). Throws
     * {@link dev.marquee.media.core.codec.CodecConfigurationException} for a malformed record.
     */
    static VideoFormat fromSequenceHeader(ByteBuf body) {
        VideoCodec codec = VideoCodec.detect(body).orElse(null);
        if (codec == VideoCodec.AVC) {
            AvcDecoderConfiguration avc = AvcDecoderConfiguration.fromSequenceHeader(body);
            List<byte[]> sets = new ArrayList<>(avc.sequenceParameterSets());
            sets.addAll(avc.pictureParameterSets());
            return new VideoFormat(codec, TsStreamType.H264, avc, new AnnexBWriter(NalSyntax.H264, avc.nalLengthSize(), sets));
        }
        if (codec == VideoCodec.HEVC) {
            HevcDecoderConfiguration hevc = HevcDecoderConfiguration.fromSequenceHeader(body);
            List<byte[]> sets = new ArrayList<>();
            for (int type = HEVC_VPS; type <= HEVC_PPS; type++) { // VPS, SPS, PPS: the order decoders need them in
                for (HevcDecoderConfiguration.NalUnitArray array : hevc.arrays()) {
                    if (array.nalUnitType() == type) sets.addAll(array.nalUnits());
                }
            }
            return new VideoFormat(codec, TsStreamType.HEVC, hevc, new AnnexBWriter(NalSyntax.HEVC, hevc.nalLengthSize(), sets));
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

    /** Same codec and decoder configuration: a republish that changes nothing a decoder sees. */
    boolean sameAs(VideoFormat other) {
        return other != null && config.equals(other.config);
    }
}
