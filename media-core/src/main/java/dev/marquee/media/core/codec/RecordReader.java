package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;

/** Byte-aligned reads over a configuration record that check the length first, so truncation is never an IndexOutOfBounds. */
final class RecordReader {
    private final ByteBuf in;
    private final int start;

    /** Reads from a duplicate: the caller's indexes never move. */
    RecordReader(ByteBuf record) {
        this.in = record.duplicate();
        this.start = in.readerIndex();
    }

    /** Bytes read so far. */
    int position() {
        return in.readerIndex() - start;
    }

    void skip(int n) {
        require(n);
        in.skipBytes(n);
    }

    int u24() {
        require(3);
        return in.readUnsignedMedium();
    }

    String fourCc() {
        require(4);
        String cc = FourCc.read(in, in.readerIndex());
        in.skipBytes(4);
        return cc;
    }

    int u8() {
        require(1);
        return in.readUnsignedByte();
    }

    int u16() {
        require(2);
        return in.readUnsignedShort();
    }

    long u32() {
        require(4);
        return in.readUnsignedInt();
    }

    long u48() {
        require(6);
        return ((long) in.readUnsignedShort() << 32) | in.readUnsignedInt();
    }

    byte[] bytes(int n) {
        require(n);
        byte[] b = new byte[n];
        in.readBytes(b);
        return b;
    }

    int remaining() {
        return in.readableBytes();
    }

    ByteBuf rest() {
        return in.slice();
    }

    private void require(int n) {
        if (in.readableBytes() < n) throw new CodecConfigurationException("truncated configuration record");
    }
}
