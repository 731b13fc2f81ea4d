package dev.marquee.media.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampRebaserTest {

    @Test
    void firstSessionIsSentAsPublished() {
        TimestampRebaser rebaser = new TimestampRebaser();
        rebaser.sessionChanged(); // nothing sent yet: nothing to continue from
        assertThat(rebaser.map(5_000)).isEqualTo(5_000);
        assertThat(rebaser.map(5_033)).isEqualTo(5_033);
    }

    @Test
    void aResumedSessionContinuesAfterTheLastTimestampSent() {
        TimestampRebaser rebaser = new TimestampRebaser();
        rebaser.map(0);
        rebaser.map(9_990);
        rebaser.sessionChanged();
        assertThat(rebaser.map(0)).isEqualTo(9_991);
        assertThat(rebaser.map(33)).isEqualTo(10_024);
        rebaser.sessionChanged();
        assertThat(rebaser.map(100)).isEqualTo(10_025);
    }

    @Test
    void framesStampedBeforeTheSessionsFirstNeverGoBack() {
        TimestampRebaser rebaser = new TimestampRebaser();
        rebaser.map(1_000);
        rebaser.sessionChanged();
        assertThat(rebaser.map(500)).isEqualTo(1_001);
        assertThat(rebaser.map(400)).isEqualTo(1_001);
    }
}
