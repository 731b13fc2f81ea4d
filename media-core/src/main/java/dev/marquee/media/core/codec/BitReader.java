package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;

/** Reads big-endian bit fields from a byte range; running past the end is a {@link CodecConfigurationException}. */
final class BitReader {
    private final ByteBuf buf;
    private final int end;
    private long bitPosition; // absolute, in bits from index 0 of buf

    BitReader(ByteBuf buf) {
        this.buf = buf;
        this.bitPosition = (long) buf.readerIndex() * 8;
        this.end = buf.writerIndex();
    }

    /** Reads up to 32 bits as an unsigned value. */
    int readBits(int count) {
        if (count < 0 || count > 32) throw new IllegalArgumentException("bit count " + count);
        if (bitPosition + count > (long) end * 8) throw new CodecConfigurationException("truncated bit field");
        long value = 0;
        for (int i = 0; i < count; i++) {
            int b = buf.getUnsignedByte((int) (bitPosition >>> 3));
            value = (value << 1) | ((b >> (7 - (int) (bitPosition & 7))) & 1);
            bitPosition++;
        }
        return (int) value;
    }

    boolean readFlag() {
        return readBits(1) == 1;
    }
}
