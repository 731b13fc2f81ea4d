package dev.marquee.media.core.flv;

/** Bytes that are not a well-formed FLV stream, or a tag over the reader's size limit. */
public final class FlvFormatException extends RuntimeException {
    public FlvFormatException(String message) {
        super(message);
    }
}
