package dev.marquee.media.rtmp.chunk;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One RTMP message as the chunk stream carries it: type id, message stream id, 32-bit unsigned
 * millisecond timestamp and the payload, plus the chunk stream it came on (or should go on).
 * Ref-counted through its payload.
 */
public final class RtmpMessage extends DefaultByteBufHolder {
    public static final int SET_CHUNK_SIZE = 1;
    public static final int ABORT = 2;
    public static final int ACKNOWLEDGEMENT = 3;
    public static final int USER_CONTROL = 4;
    public static final int WINDOW_ACKNOWLEDGEMENT_SIZE = 5;
    public static final int SET_PEER_BANDWIDTH = 6;
    public static final int AUDIO = 8;
    public static final int VIDEO = 9;
    public static final int DATA_AMF3 = 15;
    public static final int SHARED_OBJECT_AMF3 = 16;
    public static final int COMMAND_AMF3 = 17;
    public static final int DATA_AMF0 = 18;
    public static final int SHARED_OBJECT_AMF0 = 19;
    public static final int COMMAND_AMF0 = 20;
    public static final int AGGREGATE = 22;

    /** Chunk stream for protocol and user control messages (stream 0). */
    public static final int CONTROL_CHUNK_STREAM = 2;

    private final int chunkStreamId;
    private final int typeId;
    private final int messageStreamId;
    private final long timestamp;

    public RtmpMessage(int chunkStreamId, int typeId, int messageStreamId, long timestamp, ByteBuf payload) {
        super(payload);
        this.chunkStreamId = chunkStreamId;
        this.typeId = typeId;
        this.messageStreamId = messageStreamId;
        this.timestamp = timestamp & 0xFFFFFFFFL;
    }

    public int chunkStreamId() {
        return chunkStreamId;
    }

    public int typeId() {
        return typeId;
    }

    public int messageStreamId() {
        return messageStreamId;
    }

    /** Milliseconds, 0 … 2^32-1; wraps as RTMP timestamps do. */
    public long timestamp() {
        return timestamp;
    }

    public ByteBuf payload() {
        return content();
    }

    @Override
    public RtmpMessage replace(ByteBuf content) {
        return new RtmpMessage(chunkStreamId, typeId, messageStreamId, timestamp, content);
    }

    @Override
    public RtmpMessage copy() {
        return replace(content().copy());
    }

    @Override
    public RtmpMessage duplicate() {
        return replace(content().duplicate());
    }

    @Override
    public RtmpMessage retainedDuplicate() {
        return replace(content().retainedDuplicate());
    }

    @Override
    public RtmpMessage retain() {
        super.retain();
        return this;
    }

    @Override
    public RtmpMessage retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public RtmpMessage touch() {
        super.touch();
        return this;
    }

    @Override
    public RtmpMessage touch(Object hint) {
        super.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return "RtmpMessage[type=" + typeId + " csid=" + chunkStreamId + " msid=" + messageStreamId + " t=" + timestamp
                + " " + content().readableBytes() + "B]";
    }
}
