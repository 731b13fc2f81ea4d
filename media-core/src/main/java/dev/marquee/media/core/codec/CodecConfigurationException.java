package dev.marquee.media.core.codec;

/** A codec configuration record that is truncated, malformed, or not the kind asked for. */
public final class CodecConfigurationException extends RuntimeException {
    public CodecConfigurationException(String message) {
        super(message);
    }
}
