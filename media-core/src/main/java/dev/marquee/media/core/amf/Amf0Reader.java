package dev.marquee.media.core.amf;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One decode call: the reference table and the limits that keep hostile input bounded. Every declared length
 * is checked against the readable bytes before anything is allocated.
 */
final class Amf0Reader {
    static final int MAX_DEPTH = 64;
    // Counts values as a consumer walking the result would see them (a reference counts its whole target).
    static final int MAX_ELEMENTS = 1 << 20;
    // Bytes that references add once written out; bounds what re-encoding the result can cost.
    static final long MAX_EXPANSION_BYTES = 16L << 20;
    private static final int MAX_REFERENCES = 0xFFFF;

    private final ByteBuf in;
    private final List<Object> references = new ArrayList<>();
    private final List<Shape> shapes = new ArrayList<>();
    private int depth; // complex values open around the current position
    private int deepest; // deepest level reached inside the complex value being read
    private long elements;
    private long expansionBytes;

    /** Values, levels and bytes of a decoded complex value, as if written out in full; null while still open. */
    private record Shape(long size, int height, long bytes) {}

    Amf0Reader(ByteBuf in) {
        this.in = in;
    }

    Object readValue() {
        countElements(1);
        int type = readUnsignedByte();
        return switch (type) {
            case Amf0Type.NUMBER -> readDouble();
            case Amf0Type.BOOLEAN -> readUnsignedByte() != 0;
            case Amf0Type.STRING -> readUtf8(readUnsignedShort());
            case Amf0Type.LONG_STRING, Amf0Type.XML_DOCUMENT -> readUtf8(readLength());
            case Amf0Type.NULL, Amf0Type.UNDEFINED, Amf0Type.UNSUPPORTED -> null;
            case Amf0Type.OBJECT -> readComplex(new LinkedHashMap<String, Object>());
            case Amf0Type.TYPED_OBJECT -> readTypedObject();
            case Amf0Type.ECMA_ARRAY -> readEcmaArray();
            case Amf0Type.STRICT_ARRAY -> readComplex(null);
            case Amf0Type.DATE -> readDate();
            case Amf0Type.REFERENCE -> readReference();
            case Amf0Type.OBJECT_END -> throw new Amf0Exception("object-end marker outside an object");
            case Amf0Type.AVMPLUS_OBJECT -> throw new Amf0Exception("AMF3 values are not supported");
            case Amf0Type.MOVIECLIP, Amf0Type.RECORDSET -> throw new Amf0Exception("reserved AMF0 type " + type);
            default -> throw new Amf0Exception("unknown AMF0 type " + type);
        };
    }

    private Object readTypedObject() {
        readUtf8(readUnsignedShort()); // the class name has no place in the Java mapping
        return readComplex(new LinkedHashMap<String, Object>());
    }

    private Object readEcmaArray() {
        readLength(); // the declared count is advisory; the object-end marker ends the array
        return readComplex(new Amf0EcmaArray());
    }

    /** Objects and arrays enter the reference table before their contents, in the order they open. */
    private Object readComplex(Map<String, Object> map) {
        if (++depth > MAX_DEPTH) throw new Amf0Exception("AMF0 nesting deeper than " + MAX_DEPTH);
        if (references.size() >= MAX_REFERENCES) throw new Amf0Exception("too many AMF0 objects");
        int slot = references.size();
        long elementsBefore = elements;
        long expansionBefore = expansionBytes;
        int startIndex = in.readerIndex();
        int deepestOutside = deepest;
        deepest = depth;
        references.add(map);
        shapes.add(null); // still open: a reference to it now would make a cycle
        Object value = map == null ? readStrictArrayBody() : readProperties(map);
        references.set(slot, value);
        long bytes = in.readerIndex() - startIndex + 1 + (expansionBytes - expansionBefore);
        shapes.set(slot, new Shape(elements - elementsBefore + 1, deepest - depth + 1, bytes));
        deepest = Math.max(deepestOutside, deepest);
        depth--;
        return value;
    }

    private List<Object> readStrictArrayBody() {
        long count = readLength();
        // Every value takes at least one byte, so a larger count is a lie we need not allocate for.
        if (count > in.readableBytes()) throw new Amf0Exception("strict array count " + count + " exceeds input");
        List<Object> list = new ArrayList<>((int) Math.min(count, 1024));
        for (long i = 0; i < count; i++) {
            list.add(readValue());
        }
        return list;
    }

    private Map<String, Object> readProperties(Map<String, Object> map) {
        while (true) { // each round consumes at least two bytes, so it ends with the input
            String key = readUtf8(readUnsignedShort());
            if (key.isEmpty()) {
                require(1);
                if (in.getUnsignedByte(in.readerIndex()) == Amf0Type.OBJECT_END) {
                    in.skipBytes(1);
                    return map;
                }
            }
            map.put(key, readValue());
        }
    }

    private Object readReference() {
        int index = readUnsignedShort();
        if (index >= references.size()) throw new Amf0Exception("AMF0 reference " + index + " to nothing");
        Shape shape = shapes.get(index);
        if (shape == null) throw new Amf0Exception("AMF0 reference " + index + " to an enclosing object");
        // A shared object counts, in size and depth, as if it were written out where it is referenced.
        if (depth + shape.height() > MAX_DEPTH) throw new Amf0Exception("AMF0 nesting deeper than " + MAX_DEPTH);
        deepest = Math.max(deepest, depth + shape.height());
        countElements(shape.size());
        expansionBytes += shape.bytes();
        if (expansionBytes > MAX_EXPANSION_BYTES) throw new Amf0Exception("AMF0 references expand beyond " + MAX_EXPANSION_BYTES + " bytes");
        return references.get(index);
    }

    private Instant readDate() {
        double millis = readDouble();
        require(2);
        in.skipBytes(2); // time zone: reserved, ignored
        if (!Double.isFinite(millis)) throw new Amf0Exception("AMF0 date is not a finite number");
        return Instant.ofEpochMilli((long) millis);
    }

    private void countElements(long n) {
        elements += n;
        if (elements > MAX_ELEMENTS) throw new Amf0Exception("more than " + MAX_ELEMENTS + " AMF0 values");
    }

    private String readUtf8(long length) {
        require(length);
        String s = in.toString(in.readerIndex(), (int) length, StandardCharsets.UTF_8);
        in.skipBytes((int) length);
        return s;
    }

    private long readLength() {
        require(4);
        return in.readUnsignedInt();
    }

    private int readUnsignedShort() {
        require(2);
        return in.readUnsignedShort();
    }

    private int readUnsignedByte() {
        require(1);
        return in.readUnsignedByte();
    }

    private double readDouble() {
        require(8);
        return in.readDouble();
    }

    private void require(long n) {
        if (in.readableBytes() < n) throw new Amf0Exception("truncated AMF0: need " + n + " bytes, have " + in.readableBytes());
    }
}
