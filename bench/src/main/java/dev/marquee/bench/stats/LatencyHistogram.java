package dev.marquee.bench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts microsecond values in log-linear buckets: exact below 64 µs, then 64 buckets per power of two
 * (at most 1.6% wide), up to about 137 s. Cheap to record, mergeable across viewers and processes.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    private static final long MAX_VALUE = (1L << 37) - 1;
    static final int BUCKETS = (37 - SUB_BITS + 1) * SUB;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long negatives;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;

    /** Records one value; a negative one (clock disagreement) counts as 0 and is counted apart. */
    public void record(long micros) {
        if (micros < 0) {
            negatives++;
            micros = 0;
        }
        micros = Math.min(micros, MAX_VALUE);
        counts[index(micros)]++;
        count++;
        min = Math.min(min, micros);
        max = Math.max(max, micros);
    }

    public long count() {
        return count;
    }

    public long negatives() {
        return negatives;
    }

    /** The nearest-rank percentile (0 < p ≤ 100) in microseconds, to bucket precision; -1 when empty. */
    public double percentile(double p) {
        if (count == 0) return -1;
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * count));
        if (rank >= count) return max;
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) return Math.clamp(middle(i), min, max);
        }
        return max;
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) counts[i] += other.counts[i];
        count += other.count;
        negatives += other.negatives;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    /** Non-empty buckets as [index, count] pairs, plus min and max in the last pair's place: for reports. */
    public List<long[]> toSparse() {
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] != 0) out.add(new long[] {i, counts[i]});
        }
        return out;
    }

    /** Rebuilds a histogram from {@link #toSparse()} and its min, max and negatives. */
    public static LatencyHistogram fromSparse(List<long[]> buckets, long min, long max, long negatives) {
        LatencyHistogram h = new LatencyHistogram();
        for (long[] b : buckets) {
            h.counts[(int) b[0]] += b[1];
            h.count += b[1];
        }
        if (h.count > 0) {
            h.min = min;
            h.max = max;
        }
        h.negatives = negatives;
        return h;
    }

    public long min() {
        return count == 0 ? -1 : min;
    }

    public long max() {
        return count == 0 ? -1 : max;
    }

    static int index(long v) {
        if (v < SUB) return (int) v;
        int magnitude = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) (v >>> (magnitude - SUB_BITS)) & (SUB - 1);
        return (magnitude - SUB_BITS + 1) * SUB + sub;
    }

    static double middle(int index) {
        if (index < SUB) return index;
        int magnitude = index / SUB + SUB_BITS - 1;
        int sub = index % SUB;
        long width = 1L << (magnitude - SUB_BITS);
        long low = (SUB + (long) sub) << (magnitude - SUB_BITS);
        return low + (width - 1) / 2.0;
    }
}
