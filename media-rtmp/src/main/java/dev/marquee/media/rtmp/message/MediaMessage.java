package dev.marquee.media.rtmp.message;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.DefaultByteBufHolder;

/** Audio or video: the payload is an FLV tag body, ref-counted and handed on without copying. */
public abstract sealed class MediaMessage extends DefaultByteBufHolder implements TypedMessage
        permits AudioMessage, VideoMessage {
    private final int messageStreamId;
    private final long timestamp;

    MediaMessage(int messageStreamId, long timestamp, ByteBuf payload) {
        super(payload);
        this.messageStreamId = messageStreamId;
        this.timestamp = timestamp & 0xFFFFFFFFL;
    }

    @Override
    public int messageStreamId() {
        return messageStreamId;
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    public ByteBuf payload() {
        return content();
    }

    /** The FLV tag type, {@link FlvTag#AUDIO} or {@link FlvTag#VIDEO}. */
    public abstract int flvTagType();

    /** This frame as an FLV tag; the tag takes over this message's reference (release the tag, not this). */
    public FlvTag toFlvTag() {
        return new FlvTag(flvTagType(), timestamp, content());
    }

    @Override
    public ByteBuf encodePayload(ByteBufAllocator alloc) {
        return content().retainedDuplicate();
    }

    @Override
    public MediaMessage retain() {
        super.retain();
        return this;
    }

    @Override
    public MediaMessage touch(Object hint) {
        super.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[msid=" + messageStreamId + " t=" + timestamp + " " + content().readableBytes() + "B]";
    }
}
