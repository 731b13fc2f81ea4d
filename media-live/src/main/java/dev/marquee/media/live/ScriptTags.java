package dev.marquee.media.live;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/** Recognises the stream's {@code onMetaData} among script tags (cue points and the like pass through). */
final class ScriptTags {
    private static final int AMF0_STRING = 0x02;
    private static final byte[] ON_METADATA = "onMetaData".getBytes(StandardCharsets.US_ASCII);

    private ScriptTags() {}

    /** True when the body's first AMF0 value is the string {@code onMetaData}. */
    static boolean isOnMetaData(ByteBuf body) {
        int at = body.readerIndex();
        if (body.readableBytes() < 3 + ON_METADATA.length || body.getUnsignedByte(at) != AMF0_STRING) return false;
        if (body.getUnsignedShort(at + 1) != ON_METADATA.length) return false;
        for (int i = 0; i < ON_METADATA.length; i++) {
            if (body.getByte(at + 3 + i) != ON_METADATA[i]) return false;
        }
        return true;
    }
}
