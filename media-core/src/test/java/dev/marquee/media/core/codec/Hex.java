package dev.marquee.media.core.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** Test vectors written as hex, spaces allowed. */
final class Hex {
    private Hex() {}

    static byte[] bytes(String hex) {
        return ByteBufUtil.decodeHexDump(hex.replace(" ", ""));
    }

    static ByteBuf buf(String hex) {
        return Unpooled.wrappedBuffer(bytes(hex));
    }

    static ByteBuf concat(byte[]... parts) {
        return Unpooled.wrappedBuffer(parts);
    }
}
