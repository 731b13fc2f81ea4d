package dev.marquee.media.hls.ts;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** Hex strings with spaces, for byte-exact expectations. */
final class Hex {
    private Hex() {}

    static byte[] bytes(String hex) {
        return ByteBufUtil.decodeHexDump(hex.replace(" ", ""));
    }

    static ByteBuf buf(String hex) {
        return Unpooled.wrappedBuffer(bytes(hex));
    }

    static String of(byte[] bytes) {
        return ByteBufUtil.hexDump(bytes);
    }

    static String of(ByteBuf buf) {
        return ByteBufUtil.hexDump(buf);
    }
}
