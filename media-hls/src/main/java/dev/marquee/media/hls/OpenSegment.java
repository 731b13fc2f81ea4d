package dev.marquee.media.hls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * The segment being written: its transport-stream bytes so far and its span on the stream's clock (the
 * video track, or the audio track of an audio-only stream), in FLV milliseconds. The bytes are written into
 * the segmenter's buffer, which it owns and reuses; closing copies them out.
 */
final class OpenSegment {
    private final boolean discontinuity;
    private final long startMillis;
    private final ByteBuf bytes;
    private long lastMillis;
    private int ticks;

    /** @param bytes an empty buffer to write into; the caller keeps it (and releases it) */
    OpenSegment(boolean discontinuity, long startMillis, ByteBuf bytes) {
        this.discontinuity = discontinuity;
        this.startMillis = startMillis;
        this.lastMillis = startMillis;
        this.bytes = bytes;
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
        return new HlsSegment(sequence, Math.max(0, nextStartMillis - startMillis), discontinuity,
                ByteBufUtil.getBytes(bytes), initVersion, init);
    }

    /** Where the segment ends when nothing follows it: its last frame plus the average frame interval. */
    long endAtLastFrame() {
        long span = lastMillis - startMillis;
        long interval = ticks > 1 ? Math.round((double) span / (ticks - 1)) : 0;
        return lastMillis + interval;
    }
}
