package dev.marquee.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.bench.stats.StallDetector.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StallDetectorTest {
    private static final long SECOND = 1_000_000;
    private final StallDetector detector = new StallDetector(SECOND);
    private final List<Kind> stalls = new ArrayList<>();

    /** Frames every 33 ms of media time, arriving at start + media time + extra(i). */
    private void frames(int from, int to, long startMicros, java.util.function.IntToLongFunction extraMicros) {
        for (int i = from; i < to; i++) {
            Kind k = detector.onArrival(startMicros + i * 33_000L + extraMicros.applyAsLong(i), i * 33L);
            if (k != Kind.NONE) stalls.add(k);
        }
    }

    @Test
    void aSteadyStreamNeverStalls() {
        frames(0, 3000, 0, i -> (i % 7) * 20_000); // jitter up to 120 ms
        assertThat(stalls).isEmpty();
        assertThat(detector.maxBehindMicros()).isLessThan(200_000);
    }

    @Test
    void aGapOverOneSecondIsOneStall() {
        frames(0, 100, 0, i -> 0);
        frames(100, 300, 0, i -> 1_500_000); // nothing for 1.5 s, then it resumes 1.5 s late
        assertThat(stalls).containsExactly(Kind.GAP);
        assertThat(detector.maxGapMicros()).isGreaterThan(SECOND);
    }

    @Test
    void fallingSlowlyBehindIsOneStall() {
        frames(0, 300, 0, i -> i * 5_000L); // delivered at 87% of real time: 5 ms later every frame
        assertThat(stalls).containsExactly(Kind.BEHIND);
    }

    @Test
    void aGopCacheBurstAtTheStartIsNoStall() {
        // 60 cached frames arrive at once, then live frames arrive in real time from where the cache ended
        frames(0, 60, 0, i -> -i * 33_000L);
        frames(60, 600, -60 * 33_000L, i -> 0);
        assertThat(stalls).isEmpty();
    }

    @Test
    void aTimestampJumpStartsAfreshWithoutAStall() {
        frames(0, 100, 0, i -> 0);
        for (int i = 0; i < 100; i++) {
            assertThat(detector.onArrival(100 * 33_000L + i * 33_000L, 900_000 + i * 33L)).isEqualTo(Kind.NONE);
        }
        assertThat(detector.discontinuities()).isEqualTo(1);
    }

    @Test
    void silenceAtTheEndIsIdle() {
        frames(0, 10, 0, i -> 0);
        assertThat(detector.isIdle(9 * 33_000L + 500_000)).isFalse();
        assertThat(detector.isIdle(9 * 33_000L + 1_500_000)).isTrue();
    }
}
