package dev.marquee.media.hls;

import dev.marquee.media.hls.ts.TsMuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Gathers consecutive AAC frames, as ADTS, into one PES packet: one frame per PES would spend a third of a
 * 128 kbit/s stream on TS and PES headers and stuffing. Frames are packed only while they follow each other
 * without a gap, since a demuxer times every frame after the first from the PES timestamp.
 */
final class AudioPacker {
    static final int MAX_FRAMES = 5;
    /** FLV's millisecond timestamps put a frame up to a millisecond off its exact sample time. */
    private static final long JITTER_90K = 2 * 90;

    private final ByteBuf pending = Unpooled.buffer(MAX_FRAMES * 512);
    private long firstPts;
    private long nextPts;
    private int frames;

    /** Adds a raw AAC frame at {@code pts} (90 kHz), writing out what was gathered first when needed. */
    void add(AudioFormat format, ByteBuf body, int offset, int length, long pts, TsMuxer muxer, ByteBuf out) {
        if (frames > 0 && Math.abs(pts - nextPts) > JITTER_90K) flush(muxer, out);
        if (frames == 0) {
            firstPts = pts;
            nextPts = pts;
        }
        format.adts().write(pending, length);
        pending.writeBytes(body, body.readerIndex() + offset, length);
        frames++;
        nextPts += format.frameDuration90k();
        if (frames == MAX_FRAMES) flush(muxer, out);
    }

    void flush(TsMuxer muxer, ByteBuf out) {
        if (frames == 0) return;
        muxer.writeAudio(out, pending, firstPts);
        clear();
    }

    void clear() {
        pending.clear();
        frames = 0;
    }

    void release() {
        pending.release();
    }
}
