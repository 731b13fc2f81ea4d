package dev.marquee.media.core.flv;

import io.netty.buffer.ByteBuf;

/** Reads the first bytes of an FLV audio tag body: sound format and, for AAC, the packet type. */
public final class AudioTagHeader {
    public static final int FORMAT_AAC = 10;
    public static final int FORMAT_EX_HEADER = 9; // Enhanced RTMP v2 audio

    private AudioTagHeader() {}

    public static int soundFormat(ByteBuf body) {
        return body.readableBytes() == 0 ? -1 : body.getUnsignedByte(body.readerIndex()) >> 4;
    }

    /** AAC AudioSpecificConfig or an enhanced SequenceStart (also behind ModEx or multitrack). */
    public static boolean isSequenceHeader(ByteBuf body) {
        int n = body.readableBytes();
        if (n < 2) return false;
        int b = body.getUnsignedByte(body.readerIndex());
        int format = b >> 4;
        if (format == FORMAT_AAC) return body.getUnsignedByte(body.readerIndex() + 1) == 0;
        return format == FORMAT_EX_HEADER && ExHeaders.packetType(body, ExHeaders.AUDIO_MULTITRACK) == 0;
    }
}
