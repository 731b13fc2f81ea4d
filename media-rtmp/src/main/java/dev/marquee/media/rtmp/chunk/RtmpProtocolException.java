package dev.marquee.media.rtmp.chunk;

import io.netty.handler.codec.DecoderException;

/**
 * The peer broke the RTMP protocol; the connection cannot go on. A {@link DecoderException} so that
 * Netty's decoders pass it up unwrapped: the session logs one line and closes.
 */
public class RtmpProtocolException extends DecoderException {
    public RtmpProtocolException(String message) {
        super(message);
    }

    public RtmpProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
