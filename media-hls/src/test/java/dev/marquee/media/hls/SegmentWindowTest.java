package dev.marquee.media.hls;

import static dev.marquee.media.hls.MediaPlaylistTest.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SegmentWindowTest {
    final SegmentWindow window = new SegmentWindow(3, 2000);

    @Test
    void emptyWindowIsAValidLivePlaylist() {
        assertThat(window.snapshot().playlist())
                .isEqualTo("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n");
        assertThat(window.snapshot().segment(0)).isNull();
    }

    @Test
    void listsTheNewestAndKeepsTwoMoreForLateFetches() {
        for (int i = 0; i < 10; i++) window.add(segment(i, 2000, false));
        HlsSnapshot snapshot = window.snapshot();
        assertThat(snapshot.playlist()).contains("#EXT-X-MEDIA-SEQUENCE:7\n").contains("seg-7.ts", "seg-8.ts", "seg-9.ts")
                .doesNotContain("seg-6.ts");
        assertThat(snapshot.kept()).extracting(HlsSegment::sequence).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(snapshot.segment(5)).isNotNull();
        assertThat(snapshot.segment(4)).isNull();
        assertThat(snapshot.segment(10)).isNull();
    }

    @Test
    void discontinuitySequenceCountsTheDiscontinuitiesThatLeftThePlaylist() {
        window.add(segment(0, 2000, false));
        window.add(segment(1, 2000, true));
        window.add(segment(2, 2000, false));
        window.add(segment(3, 2000, true));
        assertThat(window.snapshot().playlist()).doesNotContain("DISCONTINUITY-SEQUENCE");
        window.add(segment(4, 2000, false));
        assertThat(window.snapshot().playlist()).contains("#EXT-X-DISCONTINUITY-SEQUENCE:1\n");
    }

    @Test
    void targetDurationGrowsToTheRoundedLongestSegmentAndNeverShrinks() {
        window.add(segment(0, 2499, false));
        assertThat(window.snapshot().playlist()).contains("#EXT-X-TARGETDURATION:2\n");
        window.add(segment(1, 4500, false));
        for (int i = 2; i < 8; i++) window.add(segment(i, 2000, false));
        assertThat(window.snapshot().playlist()).contains("#EXT-X-TARGETDURATION:5\n");
    }

    @Test
    void endedWindowTakesNoMore() {
        window.add(segment(0, 2000, false));
        window.end();
        assertThat(window.snapshot().ended()).isTrue();
        assertThat(window.snapshot().playlist()).endsWith("seg-0.ts\n#EXT-X-ENDLIST\n");
        assertThatThrownBy(() -> window.add(segment(1, 2000, false))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sequenceNumbersMustFollowOnWithoutGaps() {
        assertThatThrownBy(() -> window.add(segment(1, 2000, false))).isInstanceOf(IllegalArgumentException.class);
    }
}
