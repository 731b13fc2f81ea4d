package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimestampGuardTest {
    private final TimestampGuard guard = new TimestampGuard();

    @Test
    void forwardPassesSmallStepsBackAreClampedBigOnesRefused() {
        assertThat(guard.check(1000)).isEqualTo(1000);
        assertThat(guard.check(1033)).isEqualTo(1033);
        assertThat(guard.check(1033)).isEqualTo(1033);
        assertThat(guard.check(1020)).as("jitter").isEqualTo(1033);
        assertThat(guard.check(10)).as("a jump back").isEqualTo(-1);
    }

    @Test
    void theWrapAt32BitsCountsAsForward() {
        assertThat(guard.check(0xFFFF_FF00L)).isEqualTo(0xFFFF_FF00L);
        assertThat(guard.check(0x10)).isEqualTo(0x10);
    }
}
