package dev.marquee.media.hls;

import io.netty.buffer.ByteBuf;

/**
 * Where the coded bytes of an FLV audio or video frame start, and the video composition time offset: legacy
 * tags (AVC/HEVC packet type 1, AAC packet type 1) and Enhanced RTMP tags (CodedFrames, CodedFramesX, after
 * any ModEx prefixes). Sequence headers, ends of sequence, commands, metadata and multitrack tags give null.
 *
 * @param offset          from the body's reader index
 * @param compositionTime PTS minus DTS in milliseconds (signed)
 */
record CodedPayload(int offset, int compositionTime) {
    private static final int LEGACY_AVC = 7;
    private static final int LEGACY_HEVC = 12;
    private static final int LEGACY_AAC = 10;
    private static final int EX_AUDIO = 9;
    private static final int EX_HEADER_BIT = 0x80;
    private static final int FRAME_COMMAND = 5;
    private static final int CODED_FRAMES = 1;
    private static final int CODED_FRAMES_X = 3;
    private static final int MOD_EX = 7;
    private static final int FOURCC_SIZE = 4;
    private static final int AVC1 = 0x61766331;
    private static final int HVC1 = 0x68766331;

    static CodedPayload ofVideo(ByteBuf body) {
        int start = body.readerIndex();
        int end = body.writerIndex();
        if (end - start < 1) return null;
        int b0 = body.getUnsignedByte(start);
        if (((b0 >> 4) & 0x07) == FRAME_COMMAND) return null;
        if ((b0 & EX_HEADER_BIT) == 0) {
            int codec = b0 & 0x0F;
            if ((codec != LEGACY_AVC && codec != LEGACY_HEVC) || end - start < 5) return null;
            if (body.getUnsignedByte(start + 1) != CODED_FRAMES) return null;
            return new CodedPayload(5, body.getMedium(start + 2));
        }
        int afterType = skipModEx(body, start, end);
        if (afterType < 0) return null;
        int packetType = body.getUnsignedByte(afterType - 1) & 0x0F;
        int i = afterType + FOURCC_SIZE;
        if (packetType == CODED_FRAMES && i <= end && !hasCompositionTime(body, afterType)) {
            return new CodedPayload(i - start, 0); // AV1, VP9: frames follow the FourCC at once
        }
        if (packetType == CODED_FRAMES) {
            if (i + 3 > end) return null;
            return new CodedPayload(i + 3 - start, body.getMedium(i));
        }
        return packetType == CODED_FRAMES_X && i <= end ? new CodedPayload(i - start, 0) : null;
    }

    static CodedPayload ofAudio(ByteBuf body) {
        int start = body.readerIndex();
        int end = body.writerIndex();
        if (end - start < 2) return null;
        int b0 = body.getUnsignedByte(start);
        int format = b0 >> 4;
        if (format == LEGACY_AAC) return body.getUnsignedByte(start + 1) == CODED_FRAMES ? new CodedPayload(2, 0) : null;
        if (format != EX_AUDIO) return null;
        int afterType = skipModEx(body, start, end);
        if (afterType < 0) return null;
        int packetType = body.getUnsignedByte(afterType - 1) & 0x0F;
        int i = afterType + FOURCC_SIZE;
        return packetType == CODED_FRAMES && i <= end ? new CodedPayload(i - start, 0) : null;
    }

    /** Enhanced RTMP puts a composition time in CodedFrames of avc1 and hvc1 only. */
    private static boolean hasCompositionTime(ByteBuf body, int fourCcAt) {
        if (fourCcAt + FOURCC_SIZE > body.writerIndex()) return true;
        int fourCc = body.getInt(fourCcAt);
        return fourCc == AVC1 || fourCc == HVC1;
    }

    /**
     * The index after the byte holding the real packet type: the first byte, or the last of the Enhanced RTMP v2
     * ModEx blocks (size, data, then ModExType and packet type in one byte); -1 when the body is cut short.
     */
    private static int skipModEx(ByteBuf body, int start, int end) {
        int i = start + 1;
        while ((body.getUnsignedByte(i - 1) & 0x0F) == MOD_EX) { // bounded: each round moves i forward by two or more
            if (i >= end) return -1;
            int size = body.getUnsignedByte(i++) + 1;
            if (size == 256) {
                if (i + 2 > end) return -1;
                size = body.getUnsignedShort(i) + 1;
                i += 2;
            }
            i += size + 1;
            if (i > end) return -1;
        }
        return i;
    }
}
