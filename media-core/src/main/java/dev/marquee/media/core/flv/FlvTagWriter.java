package dev.marquee.media.core.flv;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Writes FLV bytes: the file header and, per tag, the 11-byte tag header, the body and the 4-byte
 * PreviousTagSize. {@link #encode} makes the shared "FLV form" of a frame that every HTTP-FLV viewer is sent
 * by {@code retainedDuplicate()}.
 */
public final class FlvTagWriter {
    public static final int TAG_HEADER_SIZE = 11;
    public static final int PREVIOUS_TAG_SIZE = 4;
    /** The largest body the 24-bit DataSize field can describe. */
    public static final int MAX_BODY_SIZE = 0xFFFFFF;

    private FlvTagWriter() {}

    /** A new buffer holding the file header and PreviousTagSize0: what an FLV file or HTTP-FLV response starts with. */
    public static ByteBuf encodeFileHeader(ByteBufAllocator alloc, boolean hasAudio, boolean hasVideo) {
        ByteBuf out = alloc.buffer(FlvHeader.SIZE + PREVIOUS_TAG_SIZE);
        writeFileHeader(out, new FlvHeader(hasAudio, hasVideo));
        return out;
    }

    /** Writes the 9-byte file header followed by PreviousTagSize0 (always 0). */
    public static void writeFileHeader(ByteBuf out, FlvHeader header) {
        header.write(out);
        out.writeInt(0);
    }

    /** One new buffer with tag header, body (copied once) and PreviousTagSize; the caller owns it. */
    public static ByteBuf encode(ByteBufAllocator alloc, FlvTag tag) {
        int size = checkedSize(tag);
        ByteBuf out = alloc.buffer(TAG_HEADER_SIZE + size + PREVIOUS_TAG_SIZE);
        writeTo(out, tag, size);
        return out;
    }

    public static ByteBuf encode(FlvTag tag) {
        return encode(ByteBufAllocator.DEFAULT, tag);
    }

    /** Appends the tag as FLV bytes to {@code out}; the tag's indexes do not move. */
    public static void write(ByteBuf out, FlvTag tag) {
        writeTo(out, tag, checkedSize(tag));
    }

    private static void writeTo(ByteBuf out, FlvTag tag, int size) {
        long timestamp = tag.timestamp();
        out.writeByte(tag.type());
        out.writeMedium(size);
        out.writeMedium((int) (timestamp & 0xFFFFFF));
        out.writeByte((int) (timestamp >>> 24)); // TimestampExtended: the upper 8 bits
        out.writeMedium(0); // StreamID, always 0
        ByteBuf body = tag.body();
        out.writeBytes(body, body.readerIndex(), size);
        out.writeInt(TAG_HEADER_SIZE + size);
    }

    private static int checkedSize(FlvTag tag) {
        int size = tag.size();
        if (size > MAX_BODY_SIZE) throw new IllegalArgumentException("FLV tag body of " + size + " bytes exceeds 24 bits");
        return size;
    }
}
