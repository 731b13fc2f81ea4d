package dev.marquee.bench.scan;

/** The bytes a viewer received do not parse: the viewer is counted as failed. */
public class StreamFormatException extends RuntimeException {
    public StreamFormatException(String message) {
        super(message);
    }
}
