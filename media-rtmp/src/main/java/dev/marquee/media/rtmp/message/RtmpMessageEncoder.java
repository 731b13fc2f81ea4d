package dev.marquee.media.rtmp.message;

import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Turns {@link TypedMessage}s into raw {@link RtmpMessage}s for the chunk encoder; audio and video without copying. */
public class RtmpMessageEncoder extends MessageToMessageEncoder<TypedMessage> {

    public RtmpMessageEncoder() {
        super(TypedMessage.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, TypedMessage msg, List<Object> out) {
        out.add(toRtmpMessage(msg, ctx.alloc()));
    }

    /** The raw form of a typed message; the caller still owns (and releases) msg. */
    public static RtmpMessage toRtmpMessage(TypedMessage msg, ByteBufAllocator alloc) {
        return new RtmpMessage(msg.chunkStreamId(), msg.typeId(), msg.messageStreamId(), msg.timestamp(), msg.encodePayload(alloc));
    }
}
