package dev.marquee.media.rtmp.message;

import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Protocol control message 5: acknowledge every this many bytes received. */
public record WindowAcknowledgementSize(long windowSize) implements TypedMessage {
    public WindowAcknowledgementSize {
        windowSize &= 0xFFFFFFFFL;
    }

    @Override
    public int typeId() {
        return RtmpMessage.WINDOW_ACKNOWLEDGEMENT_SIZE;
    }

    @Override
    public ByteBuf encodePayload(ByteBufAllocator alloc) {
        return alloc.buffer(4).writeInt((int) windowSize);
    }
}
