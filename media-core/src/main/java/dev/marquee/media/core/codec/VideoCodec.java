package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;
import java.util.Optional;

/** Video codecs FLV can carry: by legacy CodecID or by Enhanced RTMP FourCC. */
public enum VideoCodec {
    SORENSON_H263(2, null),
    SCREEN_VIDEO(3, null),
    VP6(4, null),
    VP6_ALPHA(5, null),
    SCREEN_VIDEO_V2(6, null),
    AVC(7, FourCc.AVC),
    HEVC(12, FourCc.HEVC), // 12 is not in Adobe's spec, but Chinese encoders have long sent HEVC with it
    AV1(-1, FourCc.AV1),
    VP9(-1, FourCc.VP9),
    VP8(-1, FourCc.VP8);

    private final int legacyCodecId;
    private final String fourCc;

    VideoCodec(int legacyCodecId, String fourCc) {
        this.legacyCodecId = legacyCodecId;
        this.fourCc = fourCc;
    }

    /** The legacy FLV CodecID, or -1 when only Enhanced RTMP can carry it. */
    public int legacyCodecId() {
        return legacyCodecId;
    }

    /** The Enhanced RTMP FourCC, or null for codecs that predate it. */
    public String fourCc() {
        return fourCc;
    }

    public static Optional<VideoCodec> fromLegacyCodecId(int codecId) {
        if (codecId < 0) return Optional.empty();
        for (VideoCodec c : values()) {
            if (c.legacyCodecId == codecId) return Optional.of(c);
        }
        return Optional.empty();
    }

    public static Optional<VideoCodec> fromFourCc(String fourCc) {
        for (VideoCodec c : values()) {
            if (c.fourCc != null && c.fourCc.equals(fourCc)) return Optional.of(c);
        }
        return Optional.empty();
    }

    /**
     * The codec of a video tag body (legacy or enhanced); empty for an unknown codec, a command frame or a
     * body too short to tell. Never throws.
     */
    public static Optional<VideoCodec> detect(ByteBuf tagBody) {
        if (!tagBody.isReadable()) return Optional.empty();
        int b0 = tagBody.getUnsignedByte(tagBody.readerIndex());
        if ((b0 & 0x80) == 0) return fromLegacyCodecId(b0 & 0x0F);
        try {
            String fourCc = TagBodyLayout.ofVideo(tagBody).fourCc();
            return fourCc == null ? Optional.empty() : fromFourCc(fourCc);
        } catch (CodecConfigurationException e) {
            return Optional.empty();
        }
    }
}
