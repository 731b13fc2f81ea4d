package dev.marquee.media.live;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;

/**
 * One wire encoding of a frame (HTTP-FLV tag bytes, RTMP chunks, ...). A frame is encoded at most once per
 * form and the result is shared by every viewer of that form, so an encoding must not depend on the viewer.
 * Forms are compared with {@code equals}; keep one instance (or a record) per encoding.
 */
public interface FrameForm {

    /**
     * Encodes the tag into a new buffer that the caller owns. Must not modify the tag or move its body's
     * indexes; may be called on any event loop.
     */
    ByteBuf encode(FlvTag tag);
}
