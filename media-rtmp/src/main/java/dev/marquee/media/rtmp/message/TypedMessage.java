package dev.marquee.media.rtmp.message;

import dev.marquee.media.rtmp.chunk.RtmpMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * An RTMP message decoded into its own class. Control messages travel on chunk stream 2 and message
 * stream 0 with timestamp 0, which the defaults say; the others override.
 */
public interface TypedMessage {
    /** Chunk stream for commands, as FFmpeg and FMS use it. */
    int COMMAND_CHUNK_STREAM = 3;
    int AUDIO_CHUNK_STREAM = 4;
    int VIDEO_CHUNK_STREAM = 6;
    /** Chunk stream for data (metadata) messages. */
    int DATA_CHUNK_STREAM = 5;

    int typeId();

    default int messageStreamId() {
        return 0;
    }

    default long timestamp() {
        return 0;
    }

    default int chunkStreamId() {
        return RtmpMessage.CONTROL_CHUNK_STREAM;
    }

    /** The payload bytes; a new buffer (or, for audio and video, a new reference) the caller owns. */
    ByteBuf encodePayload(ByteBufAllocator alloc);
}
