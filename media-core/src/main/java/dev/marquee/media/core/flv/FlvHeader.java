package dev.marquee.media.core.flv;

import io.netty.buffer.ByteBuf;

/**
 * The 9-byte FLV file header: signature "FLV", version 1, the audio/video presence flags and the offset of
 * the body (9 for every FLV version 1 file).
 */
public record FlvHeader(boolean hasAudio, boolean hasVideo, long dataOffset) {
    public static final int SIZE = 9;
    public static final int VERSION = 1;
    private static final int FLAG_AUDIO = 0x04;
    private static final int FLAG_VIDEO = 0x01;

    public FlvHeader(boolean hasAudio, boolean hasVideo) {
        this(hasAudio, hasVideo, SIZE);
    }

    public FlvHeader {
        if (dataOffset < SIZE || dataOffset > 0xFFFFFFFFL) throw new FlvFormatException("FLV data offset " + dataOffset);
    }

    /** Reads the 9 bytes at the reader index. */
    public static FlvHeader read(ByteBuf in) {
        if (in.readableBytes() < SIZE) throw new FlvFormatException("FLV header needs 9 bytes");
        if (in.readUnsignedByte() != 'F' || in.readUnsignedByte() != 'L' || in.readUnsignedByte() != 'V') {
            throw new FlvFormatException("not an FLV stream (bad signature)");
        }
        int version = in.readUnsignedByte();
        if (version != VERSION) throw new FlvFormatException("FLV version " + version);
        int flags = in.readUnsignedByte();
        return new FlvHeader((flags & FLAG_AUDIO) != 0, (flags & FLAG_VIDEO) != 0, in.readUnsignedInt());
    }

    /** Writes the 9 header bytes (without PreviousTagSize0). */
    public void write(ByteBuf out) {
        out.writeByte('F').writeByte('L').writeByte('V').writeByte(VERSION)
                .writeByte((hasAudio ? FLAG_AUDIO : 0) | (hasVideo ? FLAG_VIDEO : 0))
                .writeInt((int) dataOffset);
    }
}
