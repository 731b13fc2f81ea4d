package dev.marquee.media.server.live;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.live.FrameForm;
import dev.marquee.media.rtmp.chunk.RtmpChunkEncoder;
import dev.marquee.media.rtmp.server.RtmpServerSession;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A frame as RTMP chunks of one chunk size on one message stream, each chunk header complete, so the bytes
 * do not depend on what the viewer was sent before: one encoding serves every RTMP player.
 */
record RtmpFrameForm(int chunkSize, int messageStreamId) implements FrameForm {
    /** What every {@link RtmpServerSession} player gets: 60000-byte chunks on message stream 1. */
    static final RtmpFrameForm PLAYER = new RtmpFrameForm(RtmpServerSession.DEFAULT_CHUNK_SIZE, RtmpServerSession.STREAM_ID);

    @Override
    public ByteBuf encode(FlvTag tag) {
        return RtmpChunkEncoder.encode(ByteBufAllocator.DEFAULT, chunkSize, messageStreamId, tag);
    }
}
