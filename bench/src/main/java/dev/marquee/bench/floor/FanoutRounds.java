package dev.marquee.bench.floor;

import dev.marquee.bench.publish.SourceFile;
import dev.marquee.bench.scan.BenchStamp;
import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.core.flv.FlvTagWriter;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A looping source file cut into flush rounds, as a live server that flushes every interval would send it: each
 * round is the FLV tags of the frames that came due since the last, in one buffer, with rising timestamps and,
 * in every AVC frame, the {@link BenchStamp} the bench publisher would have put there when the frame was due.
 */
final class FanoutRounds {
    /** One round's bytes, and where its first keyframe tag starts (-1: none), for viewers waiting to start. */
    record Round(ByteBuffer bytes, int keyframeAt) {}

    private final SourceFile source;
    private final List<FlvTag> frames = new ArrayList<>();
    private final ByteBuffer streamHead;
    private final boolean stamp;
    private final long firstTimestamp;
    private int next;
    private long loop;

    FanoutRounds(SourceFile source) {
        this.source = source;
        List<FlvTag> headers = new ArrayList<>();
        for (FlvTag tag : source.tags()) {
            if (tag.isScript() || tag.isSequenceHeader()) {
                if (headers.stream().noneMatch(h -> h.type() == tag.type())) headers.add(tag);
            } else {
                frames.add(tag);
            }
        }
        this.stamp = source.nalLengthSize() == 4;
        this.firstTimestamp = frames.getFirst().timestamp();
        this.streamHead = streamHead(headers);
    }

    /** The FLV file header, metadata and sequence headers: what a viewer gets first. Read-only, share by duplicate. */
    ByteBuffer streamHead() {
        return streamHead.duplicate();
    }

    /**
     * The frames due by {@code elapsedMillis} after the start that no earlier round held.
     *
     * @param startMicros wall clock at the start, epoch microseconds: a frame due at t is stamped start + t
     */
    Round next(long elapsedMillis, long startMicros) {
        List<FlvTag> due = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        int size = 0;
        while (due.size() < frames.size()) {
            FlvTag tag = frames.get(next);
            long at = tag.timestamp() - firstTimestamp + loop * source.loopMillis();
            if (at > elapsedMillis) break;
            due.add(tag);
            times.add(at);
            size += FlvTagWriter.TAG_HEADER_SIZE + tag.size() + FlvTagWriter.PREVIOUS_TAG_SIZE + (stamped(tag) ? BenchStamp.SIZE : 0);
            if (++next == frames.size()) {
                next = 0;
                loop++;
            }
        }
        ByteBuffer out = ByteBuffer.allocateDirect(size);
        int keyframeAt = -1;
        for (int i = 0; i < due.size(); i++) {
            FlvTag tag = due.get(i);
            if (keyframeAt < 0 && tag.isKeyframe()) keyframeAt = out.position();
            byte[] sei = stamped(tag) ? BenchStamp.lengthPrefixedSei(startMicros + times.get(i) * 1000) : null;
            putTag(out, tag, times.get(i), sei);
        }
        return new Round(out.flip(), keyframeAt);
    }

    private boolean stamped(FlvTag tag) {
        return stamp && SourceFile.isAvcFrame(tag);
    }

    private static ByteBuffer streamHead(List<FlvTag> headers) {
        int size = 9 + FlvTagWriter.PREVIOUS_TAG_SIZE;
        for (FlvTag tag : headers) size += FlvTagWriter.TAG_HEADER_SIZE + tag.size() + FlvTagWriter.PREVIOUS_TAG_SIZE;
        ByteBuffer out = ByteBuffer.allocateDirect(size);
        out.put(new byte[] {'F', 'L', 'V', 1, 5, 0, 0, 0, 9}).putInt(0);
        for (FlvTag tag : headers) putTag(out, tag, 0, null);
        return out.flip().asReadOnlyBuffer();
    }

    /** One FLV tag: 11-byte header, the body (the SEI after its 5-byte AVC header when stamped), previous tag size. */
    private static void putTag(ByteBuffer out, FlvTag tag, long timestamp, byte[] sei) {
        ByteBuf body = tag.body();
        int bodySize = body.readableBytes() + (sei == null ? 0 : sei.length);
        out.put((byte) tag.type());
        putUint24(out, bodySize);
        putUint24(out, (int) timestamp);
        out.put((byte) (timestamp >>> 24));
        putUint24(out, 0);
        if (sei == null) {
            body.getBytes(body.readerIndex(), out.slice(out.position(), body.readableBytes()));
            out.position(out.position() + body.readableBytes());
        } else {
            body.getBytes(body.readerIndex(), out.slice(out.position(), 5));
            out.position(out.position() + 5).put(sei);
            body.getBytes(body.readerIndex() + 5, out.slice(out.position(), body.readableBytes() - 5));
            out.position(out.position() + body.readableBytes() - 5);
        }
        out.putInt(FlvTagWriter.TAG_HEADER_SIZE + bodySize);
    }

    private static void putUint24(ByteBuffer out, int v) {
        out.put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
    }
}
