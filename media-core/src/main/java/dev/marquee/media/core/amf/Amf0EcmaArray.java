package dev.marquee.media.core.amf;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AMF0 ECMA array (type 0x08): string keys to values, in order. It is a distinct type only so that
 * encoding writes 0x08 again (onMetaData is conventionally an ECMA array) instead of an object.
 */
public class Amf0EcmaArray extends LinkedHashMap<String, Object> {
    public Amf0EcmaArray() {}

    public Amf0EcmaArray(Map<String, ?> entries) {
        super(entries);
    }
}
