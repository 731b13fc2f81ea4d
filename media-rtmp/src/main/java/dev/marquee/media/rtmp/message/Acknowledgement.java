package dev.marquee.media.rtmp.message;

import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Protocol control message 3: bytes received so far, modulo 2^32. */
public record Acknowledgement(long sequenceNumber) implements TypedMessage {
    public Acknowledgement {
        sequenceNumber &= 0xFFFFFFFFL;
    }

    @Override
    public int typeId() {
        return RtmpMessage.ACKNOWLEDGEMENT;
    }

    @Override
    public ByteBuf encodePayload(ByteBufAllocator alloc) {
        return alloc.buffer(4).writeInt((int) sequenceNumber);
    }
}
