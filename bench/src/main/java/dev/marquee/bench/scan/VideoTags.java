package dev.marquee.bench.scan;

/** Reads a video tag body's first bytes, legacy FLV or Enhanced RTMP, without parsing any further. */
public final class VideoTags {
    private static final int KEY_FRAME = 1;
    private static final int EX_HEADER = 0x80;
    private static final int EX_CODED_FRAMES = 1;
    private static final int EX_CODED_FRAMES_X = 3;
    private static final int CODEC_AVC = 7;
    private static final int CODEC_HEVC = 12;
    private static final int AVC_NALU = 1;

    private VideoTags() {}

    /** A keyframe a decoder can start from: not a sequence header, end-of-sequence or command frame. */
    public static boolean isKeyframe(byte[] body, int length) {
        if (length < 1) return false;
        int b0 = body[0] & 0xFF;
        if (((b0 >> 4) & 0x07) != KEY_FRAME) return false;
        if ((b0 & EX_HEADER) != 0) {
            int packetType = b0 & 0x0F;
            return packetType == EX_CODED_FRAMES || packetType == EX_CODED_FRAMES_X;
        }
        int codec = b0 & 0x0F;
        if (codec == CODEC_AVC || codec == CODEC_HEVC) return length >= 2 && body[1] == AVC_NALU;
        return true;
    }
}
