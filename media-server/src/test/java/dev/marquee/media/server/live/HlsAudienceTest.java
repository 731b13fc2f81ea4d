package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HlsAudienceTest {
    private final HlsAudience audience = new HlsAudience();

    @Test
    void theAudienceIsTheMostDownloadsOfAnyOfTheNewestSegments() {
        assertThat(audience.viewers(-1)).isZero();
        for (int viewer = 0; viewer < 3; viewer++) audience.downloaded(10);
        audience.downloaded(11);
        audience.downloaded(11); // one viewer has not fetched 11 yet
        assertThat(audience.viewers(11)).isEqualTo(3);
    }

    @Test
    void viewersWhoLeftStopCountingOnceTheirSegmentsAreOld() {
        for (int viewer = 0; viewer < 5; viewer++) audience.downloaded(20);
        audience.downloaded(21);
        assertThat(audience.viewers(21)).isEqualTo(5);
        assertThat(audience.viewers(20 + HlsAudience.NEWEST_SEGMENTS - 1)).as("20 is still among the newest").isEqualTo(5);
        assertThat(audience.viewers(20 + HlsAudience.NEWEST_SEGMENTS)).as("only the one who stayed").isEqualTo(1);
        assertThat(audience.viewers(21 + HlsAudience.NEWEST_SEGMENTS)).isZero();
    }
}
