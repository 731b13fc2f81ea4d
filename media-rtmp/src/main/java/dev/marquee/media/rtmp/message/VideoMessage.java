package dev.marquee.media.rtmp.message;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBuf;

/** Video message (type 9); the payload is an FLV video tag body (legacy or Enhanced RTMP). */
public final class VideoMessage extends MediaMessage {
    public VideoMessage(int messageStreamId, long timestamp, ByteBuf payload) {
        super(messageStreamId, timestamp, payload);
    }

    /** The tag's frame on a message stream, sharing (and retaining) the tag's body. */
    public static VideoMessage of(FlvTag tag, int messageStreamId) {
        if (tag.type() != FlvTag.VIDEO) throw new IllegalArgumentException("not video: " + tag);
        return new VideoMessage(messageStreamId, tag.timestamp(), tag.body().retainedDuplicate());
    }

    @Override
    public int typeId() {
        return RtmpMessage.VIDEO;
    }

    @Override
    public int chunkStreamId() {
        return VIDEO_CHUNK_STREAM;
    }

    @Override
    public int flvTagType() {
        return FlvTag.VIDEO;
    }

    @Override
    public VideoMessage replace(ByteBuf content) {
        return new VideoMessage(messageStreamId(), timestamp(), content);
    }
}
