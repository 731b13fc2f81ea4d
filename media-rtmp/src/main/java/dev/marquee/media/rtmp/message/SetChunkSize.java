package dev.marquee.media.rtmp.message;

import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Protocol control message 1: the sender's chunks are this big from now on (1 … 0x7FFFFFFF). */
public record SetChunkSize(int chunkSize) implements TypedMessage {
    public SetChunkSize {
        if (chunkSize <= 0) throw new IllegalArgumentException("chunk size " + chunkSize);
    }

    @Override
    public int typeId() {
        return RtmpMessage.SET_CHUNK_SIZE;
    }

    @Override
    public ByteBuf encodePayload(ByteBufAllocator alloc) {
        return alloc.buffer(4).writeInt(chunkSize);
    }
}
