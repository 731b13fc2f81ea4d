package dev.marquee.media.server.live;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.core.flv.FlvTagWriter;
import dev.marquee.media.live.FrameForm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** A frame as FLV tag bytes (tag header, body, PreviousTagSize): what every HTTP-FLV viewer is sent. */
enum FlvFrameForm implements FrameForm {
    INSTANCE;

    @Override
    public ByteBuf encode(FlvTag tag) {
        return FlvTagWriter.encode(ByteBufAllocator.DEFAULT, tag);
    }
}
