package dev.marquee.media.rtmp.message;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBuf;

/** Audio message (type 8); the payload is an FLV audio tag body (legacy or Enhanced RTMP). */
public final class AudioMessage extends MediaMessage {
    public AudioMessage(int messageStreamId, long timestamp, ByteBuf payload) {
        super(messageStreamId, timestamp, payload);
    }

    /** The tag's frame on a message stream, sharing (and retaining) the tag's body. */
    public static AudioMessage of(FlvTag tag, int messageStreamId) {
        if (tag.type() != FlvTag.AUDIO) throw new IllegalArgumentException("not audio: " + tag);
        return new AudioMessage(messageStreamId, tag.timestamp(), tag.body().retainedDuplicate());
    }

    @Override
    public int typeId() {
        return RtmpMessage.AUDIO;
    }

    @Override
    public int chunkStreamId() {
        return AUDIO_CHUNK_STREAM;
    }

    @Override
    public int flvTagType() {
        return FlvTag.AUDIO;
    }

    @Override
    public AudioMessage replace(ByteBuf content) {
        return new AudioMessage(messageStreamId(), timestamp(), content);
    }
}
