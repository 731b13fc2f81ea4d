package dev.marquee.media.rtmp.message;

import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Protocol control message 2: drop the partly received message on that chunk stream. */
public record AbortMessage(int abortedChunkStreamId) implements TypedMessage {
    @Override
    public int typeId() {
        return RtmpMessage.ABORT;
    }

    @Override
    public ByteBuf encodePayload(ByteBufAllocator alloc) {
        return alloc.buffer(4).writeInt(abortedChunkStreamId);
    }
}
