package dev.marquee.media.core.amf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/** Writes Java values as AMF0; never writes references, so what it writes any AMF0 reader can read. */
final class Amf0Writer {
    private static final int MAX_SHORT_STRING = 0xFFFF;

    private Amf0Writer() {}

    static void writeValue(ByteBuf out, Object value, int depth) {
        switch (value) {
            case null -> out.writeByte(Amf0Type.NULL);
            case Number n -> out.writeByte(Amf0Type.NUMBER).writeDouble(n.doubleValue());
            case Boolean b -> out.writeByte(Amf0Type.BOOLEAN).writeByte(b ? 1 : 0);
            case CharSequence s -> writeString(out, s.toString());
            case Instant t -> writeDate(out, t.toEpochMilli());
            case Date d -> writeDate(out, d.getTime());
            case Amf0EcmaArray a -> {
                checkDepth(depth);
                out.writeByte(Amf0Type.ECMA_ARRAY).writeInt(a.size());
                writeProperties(out, a, depth);
            }
            case Map<?, ?> m -> {
                checkDepth(depth);
                out.writeByte(Amf0Type.OBJECT);
                writeProperties(out, m, depth);
            }
            case Collection<?> c -> {
                checkDepth(depth);
                out.writeByte(Amf0Type.STRICT_ARRAY).writeInt(c.size());
                for (Object element : c) {
                    writeValue(out, element, depth + 1);
                }
            }
            case Object[] array -> {
                checkDepth(depth);
                out.writeByte(Amf0Type.STRICT_ARRAY).writeInt(array.length);
                for (Object element : array) {
                    writeValue(out, element, depth + 1);
                }
            }
            default -> throw new IllegalArgumentException("no AMF0 form for " + value.getClass().getName());
        }
    }

    /** Refuses what the reader would refuse, and a self-containing map or list before the stack overflows. */
    private static void checkDepth(int depth) {
        if (depth >= Amf0Reader.MAX_DEPTH) throw new IllegalArgumentException("AMF0 value nested deeper than " + Amf0Reader.MAX_DEPTH);
    }

    private static void writeProperties(ByteBuf out, Map<?, ?> map, int depth) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("AMF0 property names are strings, not " + e.getKey());
            }
            byte[] name = key.getBytes(StandardCharsets.UTF_8);
            if (name.length > MAX_SHORT_STRING) throw new IllegalArgumentException("AMF0 property name over 65535 bytes");
            out.writeShort(name.length).writeBytes(name);
            writeValue(out, e.getValue(), depth + 1);
        }
        out.writeShort(0).writeByte(Amf0Type.OBJECT_END);
    }

    private static void writeString(ByteBuf out, String s) {
        int length = ByteBufUtil.utf8Bytes(s);
        if (length > MAX_SHORT_STRING) {
            out.writeByte(Amf0Type.LONG_STRING).writeInt(length);
        } else {
            out.writeByte(Amf0Type.STRING).writeShort(length);
        }
        out.writeCharSequence(s, StandardCharsets.UTF_8);
    }

    private static void writeDate(ByteBuf out, long epochMillis) {
        out.writeByte(Amf0Type.DATE).writeDouble(epochMillis).writeShort(0);
    }
}
