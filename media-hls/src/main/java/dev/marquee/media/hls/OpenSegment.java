package dev.marquee.media.hls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * The segment being written: its transport-stream bytes so far and its span on the stream's clock (the
 * video track, or the audio track of an audio-only stream), in FLV milliseconds.
 */
final class OpenSegment {
    private final boolean discontinuity;
    private final long startMillis;
    private final ByteBuf bytes;
    private long lastMillis;
    private int ticks;

    OpenSegment(boolean discontinuity, long startMillis, int initialCapacity) {
        this.discontinuity = discontinuity;
        this.startMillis = startMillis;
        this.lastMillis = startMillis;
        this.bytes = Unpooled.buffer(initialCapacity);
    }

    ByteBuf bytes() {
        return bytes;
    }

    long startMillis() {
        return startMillis;
    }

    long lastMillis() {
        return lastMillis;
    }

    int size() {
        return bytes.readableBytes();
    }

    /** A frame of the clock track was written at {@code millis}. */
    void tick(long millis) {
        lastMillis = Math.max(lastMillis, millis);
        ticks++;
    }

    /** Finishes the segment where the next one starts; a fragment names the init segment it needs. */
    HlsSegment close(long sequence, long nextStartMillis, int initVersion, byte[] init) {
        HlsSegment segment = new HlsSegment(sequence, Math.max(0, nextStartMillis - startMillis), discontinuity,
                ByteBufUtil.getBytes(bytes), initVersion, init);
        bytes.release();
        return segment;
    }

    /** Where the segment ends when nothing follows it: its last frame plus the average frame interval. */
    long endAtLastFrame() {
        long span = lastMillis - startMillis;
        long interval = ticks > 1 ? Math.round((double) span / (ticks - 1)) : 0;
        return lastMillis + interval;
    }

    void discard() {
        bytes.release();
    }
}
