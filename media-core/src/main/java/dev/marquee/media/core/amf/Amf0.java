package dev.marquee.media.core.amf;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes AMF0 values. Java mapping: number ↔ {@link Double} (any {@link Number} on write), boolean ↔
 * {@link Boolean}, string and long string ↔ {@link String}, null and undefined → {@code null}, object ↔
 * {@code Map<String,Object>} (a {@link java.util.LinkedHashMap}), ECMA array ↔ {@link Amf0EcmaArray}, strict
 * array ↔ {@code List<Object>}, date ↔ {@link java.time.Instant}, typed object → Map, XML document → String,
 * reference → the object it refers to.
 */
public final class Amf0 {
    private Amf0() {}

    /**
     * Reads one value at the reader index and advances past it. On {@link Amf0Exception} the reader index is
     * left where it was.
     */
    public static Object decode(ByteBuf in) {
        int start = in.readerIndex();
        try {
            return new Amf0Reader(in).readValue();
        } catch (Amf0Exception e) {
            in.readerIndex(start);
            throw e;
        }
    }

    /** Reads values until the buffer is empty (a command: name, transaction id, arguments). */
    public static List<Object> decodeAll(ByteBuf in) {
        int start = in.readerIndex();
        try {
            Amf0Reader reader = new Amf0Reader(in);
            List<Object> values = new ArrayList<>();
            while (in.isReadable()) {
                values.add(reader.readValue());
            }
            return values;
        } catch (Amf0Exception e) {
            in.readerIndex(start);
            throw e;
        }
    }

    /** Writes one value; throws {@link IllegalArgumentException} for a Java type AMF0 cannot carry. */
    public static void encode(ByteBuf out, Object value) {
        Amf0Writer.writeValue(out, value, 0);
    }

    public static void encodeAll(ByteBuf out, Object... values) {
        for (Object value : values) {
            encode(out, value);
        }
    }
}
