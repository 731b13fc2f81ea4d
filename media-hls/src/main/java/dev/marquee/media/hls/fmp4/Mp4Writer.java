package dev.marquee.media.hls.fmp4;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Writes nested ISO BMFF boxes into a buffer: each box's 32-bit size is patched when the box ends. */
final class Mp4Writer {
    private final ByteBuf out;
    private final Deque<Integer> open = new ArrayDeque<>();

    Mp4Writer(ByteBuf out) {
        this.out = out;
    }

    ByteBuf out() {
        return out;
    }

    Mp4Writer box(String type) {
        open.push(out.writerIndex());
        out.writeInt(0);
        out.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** A full box: version and flags follow the type. */
    Mp4Writer fullBox(String type, int version, int flags) {
        box(type);
        out.writeInt(version << 24 | flags & 0xFFFFFF);
        return this;
    }

    Mp4Writer end() {
        int start = open.pop();
        out.setInt(start, out.writerIndex() - start);
        return this;
    }

    Mp4Writer u8(int v) {
        out.writeByte(v);
        return this;
    }

    Mp4Writer u16(int v) {
        out.writeShort(v);
        return this;
    }

    Mp4Writer u32(long v) {
        out.writeInt((int) v);
        return this;
    }

    Mp4Writer u64(long v) {
        out.writeLong(v);
        return this;
    }

    Mp4Writer zeros(int n) {
        out.writeZero(n);
        return this;
    }

    Mp4Writer bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    Mp4Writer ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** The unity matrix of mvhd and tkhd. */
    Mp4Writer unityMatrix() {
        return u32(0x00010000).u32(0).u32(0).u32(0).u32(0x00010000).u32(0).u32(0).u32(0).u32(0x40000000);
    }
}
