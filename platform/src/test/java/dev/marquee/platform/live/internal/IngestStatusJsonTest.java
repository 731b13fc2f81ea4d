package dev.marquee.platform.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.server.spi.IngestReport;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The "Go live" page's figures and the advice it gives on them. */
class IngestStatusJsonTest {

    @Test
    void nothingPublishedIsNotReceivingWithNoFigures() {
        IngestStatusJson json = IngestStatusJson.of(Optional.empty());
        assertThat(json.receiving()).isFalse();
        assertThat(json.bitrate()).isNull();
        assertThat(json.keyframeInterval()).isNull();
        assertThat(json.warnings()).isEmpty();
    }

    @Test
    void aGoodStreamHasItsFiguresAndNoAdvice() {
        IngestStatusJson json = IngestStatusJson.of(Optional.of(new IngestReport("H.264", "AAC", 1920, 1080, 60, 6_000_000, 2)));
        assertThat(json).isEqualTo(new IngestStatusJson(true, "H.264", "AAC", 1920, 1080, 60.0, 6_000_000L, 2.0, java.util.List.of()));
    }

    @Test
    void keyframesFurtherApartThanFourSecondsGetAdvice() {
        assertThat(IngestStatusJson.of(Optional.of(new IngestReport("H.264", "AAC", 1280, 720, 30, 2_500_000, 4))).warnings()).isEmpty();
        IngestStatusJson json = IngestStatusJson.of(Optional.of(new IngestReport("H.264", "AAC", 1280, 720, 30, 2_500_000, 8.333)));
        assertThat(json.warnings()).singleElement().asString().startsWith("Keyframes arrive every 8.3 s.").contains("Keyframe Interval", "2 s");
    }

    @Test
    void aStreamThatStoppedArrivingSaysSoAndUnknownFiguresAreNull() {
        IngestStatusJson json = IngestStatusJson.of(Optional.of(new IngestReport(null, "AAC", 0, 0, 0, 0, 0)));
        assertThat(json.receiving()).isTrue();
        assertThat(json.warnings()).singleElement().asString().contains("Nothing has arrived");
        assertThat(json.width()).isNull();
        assertThat(json.height()).isNull();
        assertThat(json.keyframeInterval()).isNull();
        assertThat(json.videoCodec()).isNull();
    }
}
