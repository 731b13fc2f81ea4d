package dev.marquee.media.core.flv;

import io.netty.buffer.ByteBuf;

/**
 * Reads the first bytes of an FLV video tag body, legacy (frame type + codec id) or Enhanced RTMP
 * (IsExHeader bit, packet type, FourCC such as {@code hvc1} or {@code av01}).
 */
public final class VideoTagHeader {
    public static final int CODEC_AVC = 7;
    public static final int CODEC_HEVC_LEGACY = 12; // not in the spec, but sent by some Chinese encoders
    public static final int FRAME_KEY = 1;
    public static final int EX_HEADER_BIT = 0x80;
    public static final int EX_SEQUENCE_START = 0;
    public static final int EX_CODED_FRAMES = 1;
    public static final int EX_SEQUENCE_END = 2;
    public static final int EX_CODED_FRAMES_X = 3;
    public static final int EX_METADATA = 4;
    public static final int AVC_SEQUENCE_HEADER = 0;
    public static final int AVC_NALU = 1;
    public static final int AVC_END_OF_SEQUENCE = 2;

    private VideoTagHeader() {}

    public static boolean isEnhanced(ByteBuf body) {
        return body.readableBytes() > 0 && (body.getUnsignedByte(body.readerIndex()) & EX_HEADER_BIT) != 0;
    }

    public static int frameType(ByteBuf body) {
        if (body.readableBytes() == 0) return 0;
        int b = body.getUnsignedByte(body.readerIndex());
        return (b & EX_HEADER_BIT) != 0 ? (b >> 4) & 0x07 : b >> 4;
    }

    /** A coded keyframe: not the sequence header or end of sequence, which carry the same frame type. */
    public static boolean isKeyframe(ByteBuf body) {
        if (frameType(body) != FRAME_KEY) return false;
        int b = body.getUnsignedByte(body.readerIndex());
        if ((b & EX_HEADER_BIT) != 0) {
            int packetType = ExHeaders.packetType(body, ExHeaders.VIDEO_MULTITRACK);
            return packetType == EX_CODED_FRAMES || packetType == EX_CODED_FRAMES_X;
        }
        int codec = b & 0x0F;
        if (codec != CODEC_AVC && codec != CODEC_HEVC_LEGACY) return true;
        return body.readableBytes() >= 2 && body.getUnsignedByte(body.readerIndex() + 1) == AVC_NALU;
    }

    /** AVC/HEVC/AV1 decoder configuration (legacy AVCPacketType 0 or enhanced SequenceStart, also behind ModEx or multitrack). */
    public static boolean isSequenceHeader(ByteBuf body) {
        int n = body.readableBytes();
        if (n < 2) return false;
        int b = body.getUnsignedByte(body.readerIndex());
        if ((b & EX_HEADER_BIT) != 0) return ExHeaders.packetType(body, ExHeaders.VIDEO_MULTITRACK) == EX_SEQUENCE_START;
        int codec = b & 0x0F;
        return (codec == CODEC_AVC || codec == CODEC_HEVC_LEGACY) && body.getUnsignedByte(body.readerIndex() + 1) == AVC_SEQUENCE_HEADER;
    }

    /** The FourCC of an enhanced tag ({@code "hvc1"}, {@code "av01"}, {@code "avc1"}), else null. */
    public static String fourCc(ByteBuf body) {
        if (!isEnhanced(body) || body.readableBytes() < 5) return null;
        char[] cc = new char[4];
        for (int i = 0; i < 4; i++) cc[i] = (char) body.getUnsignedByte(body.readerIndex() + 1 + i);
        return new String(cc);
    }
}
