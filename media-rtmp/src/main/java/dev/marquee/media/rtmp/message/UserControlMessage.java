package dev.marquee.media.rtmp.message;

import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * User control message (type 4): an event type and its data, a stream id or a timestamp, plus the
 * buffer length of Set Buffer Length.
 */
public record UserControlMessage(int eventType, long value, long bufferLength) implements TypedMessage {
    public static final int STREAM_BEGIN = 0;
    public static final int STREAM_EOF = 1;
    public static final int STREAM_DRY = 2;
    public static final int SET_BUFFER_LENGTH = 3;
    public static final int STREAM_IS_RECORDED = 4;
    public static final int PING_REQUEST = 6;
    public static final int PING_RESPONSE = 7;

    public UserControlMessage {
        value &= 0xFFFFFFFFL;
        bufferLength &= 0xFFFFFFFFL;
    }

    public static UserControlMessage streamBegin(int streamId) {
        return new UserControlMessage(STREAM_BEGIN, streamId, 0);
    }

    public static UserControlMessage streamEof(int streamId) {
        return new UserControlMessage(STREAM_EOF, streamId, 0);
    }

    public static UserControlMessage streamDry(int streamId) {
        return new UserControlMessage(STREAM_DRY, streamId, 0);
    }

    public static UserControlMessage setBufferLength(int streamId, long millis) {
        return new UserControlMessage(SET_BUFFER_LENGTH, streamId, millis);
    }

    public static UserControlMessage streamIsRecorded(int streamId) {
        return new UserControlMessage(STREAM_IS_RECORDED, streamId, 0);
    }

    public static UserControlMessage pingRequest(long timestamp) {
        return new UserControlMessage(PING_REQUEST, timestamp, 0);
    }

    public static UserControlMessage pingResponse(long timestamp) {
        return new UserControlMessage(PING_RESPONSE, timestamp, 0);
    }

    @Override
    public int typeId() {
        return RtmpMessage.USER_CONTROL;
    }

    @Override
    public ByteBuf encodePayload(ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(eventType == SET_BUFFER_LENGTH ? 10 : 6);
        out.writeShort(eventType).writeInt((int) value);
        if (eventType == SET_BUFFER_LENGTH) out.writeInt((int) bufferLength);
        return out;
    }
}
