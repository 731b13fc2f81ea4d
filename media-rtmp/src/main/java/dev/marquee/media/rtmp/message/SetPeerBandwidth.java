package dev.marquee.media.rtmp.message;

import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Protocol control message 6: limit the peer's output window; limit type hard, soft or dynamic. */
public record SetPeerBandwidth(long windowSize, int limitType) implements TypedMessage {
    public static final int HARD = 0;
    public static final int SOFT = 1;
    public static final int DYNAMIC = 2;

    public SetPeerBandwidth {
        windowSize &= 0xFFFFFFFFL;
    }

    @Override
    public int typeId() {
        return RtmpMessage.SET_PEER_BANDWIDTH;
    }

    @Override
    public ByteBuf encodePayload(ByteBufAllocator alloc) {
        return alloc.buffer(5).writeInt((int) windowSize).writeByte(limitType);
    }
}
