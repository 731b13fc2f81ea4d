package dev.marquee.bench.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlayUrlTest {
    @Test
    void splitsRtmpUrlsIntoAppAndStream() {
        PlayUrl url = PlayUrl.parse("rtmp://127.0.0.1:29350/live/bench-100?token=x");
        assertThat(url.app()).isEqualTo("live");
        assertThat(url.stream()).isEqualTo("bench-100?token=x");
        assertThat(url.tcUrl()).isEqualTo("rtmp://127.0.0.1:29350/live");
        assertThat(PlayUrl.parse("rtmp://localhost/live/a").port()).isEqualTo(1935);
    }

    @Test
    void keepsHttpPathAndQuery() {
        PlayUrl url = PlayUrl.parse("http://127.0.0.1:8081/live/alice.flv?t=1");
        assertThat(url.path()).isEqualTo("/live/alice.flv?t=1");
        assertThat(url.port()).isEqualTo(8081);
    }

    @Test
    void refusesWhatItCannotPlay() {
        assertThatThrownBy(() -> PlayUrl.parse("rtmp://host/live")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlayUrl.parse("https://host/a.flv")).isInstanceOf(IllegalArgumentException.class);
    }
}
