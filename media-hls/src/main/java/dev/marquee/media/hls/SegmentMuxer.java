package dev.marquee.media.hls;

import io.netty.buffer.ByteBuf;

/**
 * How one program's frames become segment bytes: MPEG-TS ({@link TsSegmentMuxer}) or fragmented MP4
 * ({@link Fmp4SegmentMuxer}). Times are FLV milliseconds. Used on the stream's event loop only.
 */
interface SegmentMuxer {
    /** A segment begins. */
    void open(ByteBuf out);

    /** Gets a video frame's coded payload ready; false when it cannot be packaged (it is then dropped). */
    boolean prepareVideo(ByteBuf payload, boolean keyframe);

    /** Writes the prepared video frame. */
    void writeVideo(long ptsMillis, long dtsMillis, boolean keyframe, ByteBuf out);

    /** Writes one raw AAC frame, {@code length} bytes at {@code offset} from the body's reader index. */
    void writeAudio(ByteBuf body, int offset, int length, long ptsMillis, ByteBuf out);

    /** The segment is complete and ends at {@code endMillis}: everything still gathered goes into it. */
    void complete(ByteBuf out, long sequence, long endMillis);

    /** Forgets what was gathered for the open segment (it is being dropped). */
    void discard();

    /** Bytes gathered but not yet in {@code out}. */
    int pendingBytes();

    /** The init segment fragments need, or null (MPEG-TS needs none). */
    byte[] initSegment();

    void release();
}
