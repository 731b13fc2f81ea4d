package dev.marquee.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void bucketsCoverEveryValueInOrder() {
        int previous = -1;
        for (long v = 0; v < 1 << 20; v += 1 + v / 100) {
            int index = LatencyHistogram.index(v);
            assertThat(index).isGreaterThanOrEqualTo(previous).isLessThan(LatencyHistogram.BUCKETS);
            assertThat(Math.abs(LatencyHistogram.middle(index) - v)).isLessThanOrEqualTo(Math.max(0.5, v / 64.0));
            previous = index;
        }
        assertThat(LatencyHistogram.index((1L << 37) - 1)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    }

    @Test
    void percentilesAreWithinABucketOfTheExactOnes() {
        Random random = new Random(1);
        long[] values = new long[20_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.abs(2_000 + random.nextGaussian() * 800) + (random.nextInt(100) == 0 ? 200_000 : 0);
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {50, 95, 99, 99.9}) {
            long exact = values[(int) Math.ceil(p / 100 * values.length) - 1];
            assertThat(h.percentile(p)).as("p%s", p).isCloseTo(exact, within(exact * 0.02 + 1));
        }
        assertThat(h.percentile(100)).isEqualTo(values[values.length - 1]);
    }

    @Test
    void mergesAndSurvivesItsSparseForm() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) a.record(i * 1000L);
        for (int i = 101; i <= 200; i++) b.record(i * 1000L);
        b.record(-5);
        a.add(b);
        assertThat(a.count()).isEqualTo(201);
        assertThat(a.negatives()).isEqualTo(1);
        assertThat(a.percentile(50)).isCloseTo(100_000, within(1_600.0));
        LatencyHistogram copy = LatencyHistogram.fromSparse(a.toSparse(), a.min(), a.max(), a.negatives());
        assertThat(copy.count()).isEqualTo(a.count());
        assertThat(copy.percentile(99)).isEqualTo(a.percentile(99));
        assertThat(new LatencyHistogram().percentile(50)).isEqualTo(-1);
    }
}
