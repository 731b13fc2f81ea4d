package dev.marquee.media.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LiveSettingsTest {

    @Test
    void flushesEvery100MsByDefault() {
        assertThat(LiveSettings.defaults().flushInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aHostMayGatherWritesForUpToHalfASecond() {
        assertThat(LiveSettings.defaults().withFlushInterval(Duration.ofMillis(500)).flushInterval()).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> LiveSettings.defaults().withFlushInterval(Duration.ofMillis(501)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("500 ms");
        assertThatThrownBy(() -> LiveSettings.defaults().withFlushInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFlushNeverWaitsAsLongAsAViewerMayFallBehind() {
        LiveSettings tight = LiveSettings.defaults().withMaxBacklog(Duration.ofMillis(400), 4L << 20);
        assertThatThrownBy(() -> tight.withFlushInterval(Duration.ofMillis(400)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than maxBacklog");
        assertThat(tight.withFlushInterval(Duration.ofMillis(300)).flushInterval()).isEqualTo(Duration.ofMillis(300));
    }
}
