package dev.marquee.media.core.amf;

/** AMF0 bytes that cannot be decoded: truncated, malformed, or over a safety limit. */
public final class Amf0Exception extends RuntimeException {
    public Amf0Exception(String message) {
        super(message);
    }
}
