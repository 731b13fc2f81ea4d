package dev.marquee.bench.stats;

/**
 * Decides, tag by tag, whether a viewer stalled: a gap between arrivals over the threshold, or arrival falling
 * behind the media timestamps by more than the threshold. "Behind" is measured against the best offset
 * (arrival − timestamp) seen so far, which is the first tag's unless a GOP cache sent the first ones in a burst.
 * After a stall the offset is taken afresh, so one stall is counted once. A timestamp jump (publisher restart,
 * wrap) also starts afresh and is counted as a discontinuity, not a stall.
 */
public final class StallDetector {
    public enum Kind { NONE, GAP, BEHIND }

    private static final long JUMP_BACK_MILLIS = 1_000;
    private static final long JUMP_FORWARD_MILLIS = 10_000;

    private final long thresholdMicros;
    private long lastArrival = -1;
    private long lastTimestamp;
    private long bestOffset;
    private long maxGap;
    private long maxBehind;
    private int discontinuities;

    public StallDetector(long thresholdMicros) {
        this.thresholdMicros = thresholdMicros;
    }

    /** One audio or video tag arrived at arrivalMicros carrying media timestamp timestampMillis. */
    public Kind onArrival(long arrivalMicros, long timestampMillis) {
        long offset = arrivalMicros - timestampMillis * 1_000;
        if (lastArrival < 0) {
            restart(arrivalMicros, timestampMillis, offset);
            return Kind.NONE;
        }
        long gap = arrivalMicros - lastArrival;
        maxGap = Math.max(maxGap, gap);
        Kind kind = gap > thresholdMicros ? Kind.GAP : Kind.NONE;
        if (timestampMillis < lastTimestamp - JUMP_BACK_MILLIS || timestampMillis > lastTimestamp + JUMP_FORWARD_MILLIS) {
            discontinuities++;
            restart(arrivalMicros, timestampMillis, offset);
            return kind;
        }
        long behind = offset - bestOffset;
        maxBehind = Math.max(maxBehind, behind);
        if (kind == Kind.NONE && behind > thresholdMicros) kind = Kind.BEHIND;
        bestOffset = kind == Kind.NONE ? Math.min(bestOffset, offset) : offset;
        lastArrival = arrivalMicros;
        lastTimestamp = Math.max(lastTimestamp, timestampMillis);
        return kind;
    }

    /** True when nothing has arrived for longer than the threshold by nowMicros (or nothing ever arrived). */
    public boolean isIdle(long nowMicros) {
        return lastArrival < 0 || nowMicros - lastArrival > thresholdMicros;
    }

    public long maxGapMicros() {
        return maxGap;
    }

    public long maxBehindMicros() {
        return maxBehind;
    }

    public int discontinuities() {
        return discontinuities;
    }

    private void restart(long arrivalMicros, long timestampMillis, long offset) {
        lastArrival = arrivalMicros;
        lastTimestamp = timestampMillis;
        bestOffset = offset;
    }
}
