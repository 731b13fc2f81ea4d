package dev.marquee.bench.stats;

import dev.marquee.bench.scan.BenchStamp;
import dev.marquee.bench.scan.TagSink;
import dev.marquee.media.core.flv.VideoTagHeader;
import io.netty.buffer.Unpooled;

/**
 * Everything one viewer records, touched only by its loop thread. Byte counts are snapshot at the window
 * marks; stalls and latency count only inside the measurement window; the first keyframe counts whenever it
 * comes.
 */
public final class ViewerStats implements TagSink {
    public static final int MARK_START = 0;
    public static final int MARK_CPU_START = 1;
    public static final int MARK_CPU_END = 2;
    public static final int MARK_END = 3;
    public static final long STALL_MICROS = 1_000_000;

    private final int id;
    private final boolean stalledReader;
    private final long[] bytesAtMark = {-1, -1, -1, -1};
    private final StallDetector stalls = new StallDetector(STALL_MICROS);
    private final LatencyHistogram latency = new LatencyHistogram();
    private boolean inWindow;
    private long bytes;
    private long connectStartMicros = -1;
    private long requestSentMicros = -1;
    private long firstKeyframeMicros = -1;
    private long tags;
    private long videoFrames;
    private long stamps;
    private int gapStalls;
    private int behindStalls;
    private String error;

    public ViewerStats(int id, boolean stalledReader) {
        this.id = id;
        this.stalledReader = stalledReader;
    }

    public int id() {
        return id;
    }

    public boolean isStalledReader() {
        return stalledReader;
    }

    public void onConnectStart(long micros) {
        connectStartMicros = micros;
    }

    /** The HTTP GET or the RTMP play command went out. */
    public void onRequestSent(long micros) {
        requestSentMicros = micros;
    }

    public void onBytes(int n) {
        bytes += n;
    }

    public long bytes() {
        return bytes;
    }

    public long tags() {
        return tags;
    }

    /** Keeps the first error only. */
    public void fail(String why) {
        if (error == null) error = why;
    }

    public String error() {
        return error;
    }

    /** The loop passed window mark index at nowMicros. */
    public void mark(int index, long nowMicros) {
        bytesAtMark[index] = bytes;
        if (index == MARK_START) inWindow = true;
        if (index == MARK_END && inWindow) {
            if (!stalledReader && error == null && stalls.isIdle(nowMicros)) gapStalls++; // silent at the end
            inWindow = false;
        }
    }

    @Override
    public void onTag(int type, long timestamp, int size, byte[] peek, int peekLength, long arrivalMicros) {
        tags++;
        if (type == 9) {
            videoFrames++;
            if (firstKeyframeMicros < 0 && VideoTagHeader.isKeyframe(Unpooled.wrappedBuffer(peek, 0, peekLength))) {
                firstKeyframeMicros = arrivalMicros; // media-core's reading of legacy and Enhanced RTMP headers
            }
            if (inWindow) {
                long stamp = BenchStamp.read(peek, peekLength);
                if (stamp >= 0) {
                    stamps++;
                    latency.record(arrivalMicros - stamp);
                }
            }
        }
        if (type == 8 || type == 9) {
            StallDetector.Kind kind = stalls.onArrival(arrivalMicros, timestamp);
            if (inWindow && kind == StallDetector.Kind.GAP) gapStalls++;
            if (inWindow && kind == StallDetector.Kind.BEHIND) behindStalls++;
        }
    }

    /** Adds this viewer's latency samples to a run-wide histogram. */
    public void addLatencyTo(LatencyHistogram total) {
        total.add(latency);
    }

    public boolean sawStamps() {
        return stamps > 0;
    }

    /** True once the first coded video keyframe has arrived complete. */
    public boolean sawKeyframe() {
        return firstKeyframeMicros >= 0;
    }

    /** Play request sent → first video keyframe tag complete, in ms; -1 until both have happened. */
    public double ttfkMs() {
        return firstKeyframeMicros >= 0 && requestSentMicros >= 0 ? (firstKeyframeMicros - requestSentMicros) / 1000.0 : -1;
    }

    /** The result, with the window's length and the stream's bitrate to judge it by. */
    public ViewerResult result(double windowSeconds, double streamKbps) {
        long windowBytes = between(MARK_START, MARK_END);
        double kbps = windowSeconds > 0 ? windowBytes * 8.0 / windowSeconds / 1000.0 : -1;
        double pct = streamKbps > 0 && kbps >= 0 ? kbps / streamKbps * 100.0 : -1;
        double join = firstKeyframeMicros >= 0 && connectStartMicros >= 0 ? (firstKeyframeMicros - connectStartMicros) / 1000.0 : -1;
        String why = error;
        if (why == null && !stalledReader && firstKeyframeMicros < 0) why = tags == 0 ? "no tags received" : "no keyframe received";
        return new ViewerResult(id, stalledReader, why, bytes, windowBytes, between(MARK_CPU_START, MARK_CPU_END), kbps, pct,
                gapStalls + behindStalls, gapStalls, behindStalls, stalls.maxGapMicros() / 1000.0, stalls.maxBehindMicros() / 1000.0,
                ttfkMs(), join, tags, videoFrames, stamps, ms(latency.percentile(50)), ms(latency.percentile(99)));
    }

    /** Bytes between two marks; a mark the viewer joined after counts from its first byte. */
    private long between(int from, int to) {
        long end = bytesAtMark[to] >= 0 ? bytesAtMark[to] : bytes;
        long start = Math.max(0, bytesAtMark[from]);
        return Math.max(0, end - start);
    }

    private static double ms(double micros) {
        return micros < 0 ? -1 : micros / 1000.0;
    }
}
