package dev.marquee.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marquee.bench.scan.BenchStamp;
import org.junit.jupiter.api.Test;

class ViewerStatsTest {
    private static final byte[] KEYFRAME = {0x17, 0x01, 0, 0, 0};
    private static final byte[] SEQUENCE_HEADER = {0x17, 0x00, 0, 0, 0};

    private static byte[] stamped(long micros) {
        byte[] body = new byte[48];
        body[0] = 0x27;
        body[1] = 1;
        System.arraycopy(BenchStamp.lengthPrefixedSei(micros), 0, body, 5, BenchStamp.SIZE);
        return body;
    }

    @Test
    void timeToFirstKeyframeRunsFromTheRequestToTheFirstCodedKeyframe() {
        ViewerStats s = new ViewerStats(1, false);
        s.onConnectStart(1_000);
        s.onRequestSent(3_000);
        s.onTag(9, 0, 100, SEQUENCE_HEADER, 5, 4_000); // not a frame
        assertThat(s.sawKeyframe()).isFalse();
        assertThat(s.ttfkMs()).isEqualTo(-1.0);
        s.onTag(9, 0, 100, KEYFRAME, 5, 9_000);
        s.onTag(9, 33, 100, KEYFRAME, 5, 20_000);
        assertThat(s.sawKeyframe()).isTrue();
        assertThat(s.ttfkMs()).isEqualTo(6.0);
        ViewerResult r = s.result(1, 2000);
        assertThat(r.ttfkMs()).isEqualTo(6.0);
        assertThat(r.joinMs()).isEqualTo(8.0);
        assertThat(r.error()).isNull();
    }

    @Test
    void bitrateCountsOnlyTheWindow() {
        ViewerStats s = new ViewerStats(1, false);
        s.onRequestSent(0);
        s.onTag(9, 0, 100, KEYFRAME, 5, 1);
        s.onBytes(1_000_000); // before the window
        s.mark(ViewerStats.MARK_START, 0);
        s.onBytes(250_000);
        s.mark(ViewerStats.MARK_CPU_START, 0);
        s.onBytes(500_000);
        s.mark(ViewerStats.MARK_CPU_END, 0);
        s.onBytes(250_000);
        s.onTag(9, 0, 100, KEYFRAME, 5, 1);
        s.mark(ViewerStats.MARK_END, 2);
        s.onBytes(9_999_999); // after it
        ViewerResult r = s.result(4.0, 2000);
        assertThat(r.windowBytes()).isEqualTo(1_000_000);
        assertThat(r.cpuWindowBytes()).isEqualTo(500_000);
        assertThat(r.kbps()).isEqualTo(2000.0);
        assertThat(r.pct()).isEqualTo(100.0);
        assertThat(r.held()).isTrue();
    }

    @Test
    void latencyAndStallsCountOnlyInsideTheWindow() {
        ViewerStats s = new ViewerStats(1, false);
        s.onRequestSent(0);
        s.onTag(9, 0, 100, stamped(0), 48, 50_000); // before the window: not counted
        s.mark(ViewerStats.MARK_START, 100_000);
        long t = 100_000;
        for (int i = 1; i <= 100; i++) {
            t = 100_000 + i * 33_000L;
            s.onTag(9, i * 33L, 100, stamped(t - 4_000), 48, t); // 4 ms after it was sent
        }
        s.onTag(8, 100 * 33L + 1, 10, null, 0, t + 1_200_000); // a gap of 1.2 s: a stall
        s.mark(ViewerStats.MARK_END, t + 1_300_000);
        ViewerResult r = s.result(1, 1);
        assertThat(r.stamps()).isEqualTo(100);
        assertThat(r.latencyP50Ms()).isCloseTo(4.0, within(0.07));
        assertThat(r.stalls()).isEqualTo(1);
        assertThat(r.gapStalls()).isEqualTo(1);
        assertThat(r.held()).isFalse();
    }

    @Test
    void aViewerThatFallsSilentBeforeTheEndStalled() {
        ViewerStats s = new ViewerStats(1, false);
        s.mark(ViewerStats.MARK_START, 0);
        s.onTag(8, 0, 10, null, 0, 10);
        s.mark(ViewerStats.MARK_END, 5_000_000);
        assertThat(s.result(5, 1).stalls()).isEqualTo(1);
        assertThat(s.result(5, 1).error()).isEqualTo("no keyframe received");
    }
}
