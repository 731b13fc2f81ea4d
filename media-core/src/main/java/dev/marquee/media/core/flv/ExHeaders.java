package dev.marquee.media.core.flv;

import io.netty.buffer.ByteBuf;

/** Finds the effective packet type of an Enhanced RTMP audio or video tag body by index, without allocating. */
final class ExHeaders {
    static final int MOD_EX = 7;
    static final int VIDEO_MULTITRACK = 6;
    static final int AUDIO_MULTITRACK = 5;

    private ExHeaders() {}

    /**
     * The packet type after any ModEx prefixes and inside a multitrack wrapper, or -1 when the body ends before
     * the FourCC that must follow.
     */
    static int packetType(ByteBuf body, int multitrackPacketType) {
        int i = body.readerIndex();
        int end = body.writerIndex();
        if (i >= end) return -1;
        int packetType = body.getUnsignedByte(i++) & 0x0F;
        while (packetType == MOD_EX) { // each round moves i forward by at least two, so it ends with the body
            if (i >= end) return -1;
            int size = body.getUnsignedByte(i++) + 1;
            if (size == 256) {
                if (i + 2 > end) return -1;
                size = body.getUnsignedShort(i) + 1;
                i += 2;
            }
            i += size;
            if (i >= end) return -1;
            packetType = body.getUnsignedByte(i++) & 0x0F;
        }
        if (packetType == multitrackPacketType) {
            if (i >= end) return -1;
            packetType = body.getUnsignedByte(i++) & 0x0F;
        }
        return i + 4 <= end ? packetType : -1;
    }
}
