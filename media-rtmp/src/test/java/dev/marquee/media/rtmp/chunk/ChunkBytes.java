package dev.marquee.media.rtmp.chunk;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/** Builds chunk streams byte by byte, the way the specification draws them. */
final class ChunkBytes {
    private final ByteBuf buf = Unpooled.buffer();

    ChunkBytes basic(int fmt, int csid) {
        if (csid < 64) {
            buf.writeByte(fmt << 6 | csid);
        } else if (csid < 320) {
            buf.writeByte(fmt << 6).writeByte(csid - 64);
        } else {
            buf.writeByte(fmt << 6 | 1).writeShortLE(csid - 64);
        }
        return this;
    }

    ChunkBytes type0(int csid, int timestamp, int length, int typeId, int streamId) {
        basic(0, csid);
        buf.writeMedium(timestamp).writeMedium(length).writeByte(typeId).writeIntLE(streamId);
        return this;
    }

    ChunkBytes type1(int csid, int delta, int length, int typeId) {
        basic(1, csid);
        buf.writeMedium(delta).writeMedium(length).writeByte(typeId);
        return this;
    }

    ChunkBytes type2(int csid, int delta) {
        basic(2, csid);
        buf.writeMedium(delta);
        return this;
    }

    ChunkBytes type3(int csid) {
        return basic(3, csid);
    }

    ChunkBytes int32(long value) {
        buf.writeInt((int) value);
        return this;
    }

    ChunkBytes payload(byte[] bytes, int from, int to) {
        buf.writeBytes(bytes, from, to - from);
        return this;
    }

    ChunkBytes payload(byte[] bytes) {
        return payload(bytes, 0, bytes.length);
    }

    ChunkBytes setChunkSize(long size) {
        type0(2, 0, 4, RtmpMessage.SET_CHUNK_SIZE, 0);
        return int32(size);
    }

    ByteBuf build() {
        return buf;
    }

    static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) b[i] = (byte) (i * 31 + seed);
        return b;
    }
}
