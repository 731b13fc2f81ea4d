package dev.marquee.platform.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TranscodeBackoffTest {

    @Test
    void retriesWaitARandomTimeBelowAnExponentiallyGrowingCeiling() {
        Duration base = Duration.ofSeconds(10);
        for (int attempt = 1; attempt <= 4; attempt++) {
            long ceiling = base.toMillis() << attempt;
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                long delay = TranscodeScheduler.backoff(base, attempt).toMillis();
                assertThat(delay).isBetween(0L, ceiling - 1);
                seen.add(delay / (ceiling / 10)); // which tenth of the range it fell in
            }
            assertThat(seen).as("full jitter spreads retries over the whole range").hasSizeGreaterThanOrEqualTo(9);
        }
    }

    @Test
    void theCeilingStopsAtThirtyMinutes() {
        for (int i = 0; i < 200; i++)
            assertThat(TranscodeScheduler.backoff(Duration.ofSeconds(10), 40)).isLessThan(Duration.ofMinutes(30));
    }
}
