package dev.marquee.bench.stats;

import java.util.Arrays;

/** Nearest-rank percentiles of a handful of values (one per viewer). */
public final class Percentiles {
    private Percentiles() {}

    /** The p-th percentile (0 < p ≤ 100) of values, or -1 when there are none. */
    public static double of(double[] values, double p) {
        if (values.length == 0) return -1;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    public static double min(double[] values) {
        return values.length == 0 ? -1 : Arrays.stream(values).min().orElse(-1);
    }

    public static double max(double[] values) {
        return values.length == 0 ? -1 : Arrays.stream(values).max().orElse(-1);
    }
}
