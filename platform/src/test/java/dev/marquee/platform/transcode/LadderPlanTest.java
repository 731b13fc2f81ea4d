package dev.marquee.platform.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LadderPlanTest {

    private static ProbeResult source(int width, int height, double fps, boolean audio) {
        return new ProbeResult(60, width, height, audio, "h264", "yuv420p", fps, 0);
    }

    @Test
    void fullHdGetsTheWholeLadder() {
        LadderPlan plan = LadderPlan.of(source(1920, 1080, 30, true));

        assertThat(plan.rungs()).extracting(LadderPlan.Rung::width, LadderPlan.Rung::height).containsExactly(
                tuple(1920, 1080), tuple(1280, 720), tuple(854, 480), tuple(640, 360), tuple(426, 240));
        assertThat(plan.rungs()).extracting(LadderPlan.Rung::videoKbps).containsExactly(5000, 2800, 1400, 800, 400);
        assertThat(plan.rungs()).extracting(LadderPlan.Rung::audioKbps).containsExactly(128, 128, 128, 96, 96);
        assertThat(plan.rungs()).allSatisfy(r -> {
            assertThat(r.maxrateKbps()).isGreaterThan(r.videoKbps());
            assertThat(r.bufsizeKbps()).isGreaterThanOrEqualTo(r.maxrateKbps());
        });
        assertThat(plan.audio()).isTrue();
    }

    @Test
    void portraitRungsAreCutByTheShortSide() {
        LadderPlan plan = LadderPlan.of(source(1080, 1920, 30, true));

        assertThat(plan.rungs()).extracting(LadderPlan.Rung::width, LadderPlan.Rung::height).containsExactly(
                tuple(1080, 1920), tuple(720, 1280), tuple(480, 854), tuple(360, 640), tuple(240, 426));
    }

    @Test
    void neverUpscalesAndStopsAt1080() {
        assertThat(LadderPlan.of(source(1280, 720, 30, true)).rungs()).extracting(LadderPlan.Rung::height)
                .containsExactly(720, 480, 360, 240);
        assertThat(LadderPlan.of(source(3840, 2160, 30, true)).rungs()).extracting(LadderPlan.Rung::height)
                .containsExactly(1080, 720, 480, 360, 240);
    }

    @Test
    void aTinySourceGetsOneRungAtItsOwnSize() {
        assertThat(LadderPlan.of(source(200, 150, 30, false)).rungs())
                .extracting(LadderPlan.Rung::width, LadderPlan.Rung::height).containsExactly(tuple(200, 150));
        assertThat(LadderPlan.of(source(201, 151, 30, false)).rungs())
                .extracting(LadderPlan.Rung::width, LadderPlan.Rung::height).containsExactly(tuple(200, 150));
    }

    @Test
    void aSourceBetweenStepsKeepsItsOwnSizeOnTop() {
        assertThat(LadderPlan.of(source(641, 359, 30, true)).rungs())
                .extracting(LadderPlan.Rung::width, LadderPlan.Rung::height)
                .containsExactly(tuple(640, 358), tuple(428, 240));
        // within 10% above a step: the step is enough
        assertThat(LadderPlan.of(source(1280, 752, 30, true)).rungs()).extracting(LadderPlan.Rung::height)
                .containsExactly(720, 480, 360, 240);
    }

    @ParameterizedTest
    @CsvSource({"1920,1080", "1080,1920", "641,359", "853,480", "1279,719", "3000,2000", "720,1280", "2,2",
        "4096,1716", "1440,1080", "333,777"})
    void rungsAreEvenAndNeverLargerThanTheSource(int width, int height) {
        LadderPlan plan = LadderPlan.of(source(width, height, 30, true));

        assertThat(plan.rungs()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.width() % 2).isZero();
            assertThat(r.height() % 2).isZero();
            assertThat(r.width()).isLessThanOrEqualTo(Math.max(2, width));
            assertThat(r.height()).isLessThanOrEqualTo(Math.max(2, height));
            assertThat(r.height() > r.width()).isEqualTo(height > width && r.height() != r.width());
        });
        assertThat(plan.rungs()).extracting(LadderPlan.Rung::shortSide).isSortedAccordingTo((a, b) -> b - a);
    }

    @Test
    void keyframesEveryFourSecondsAtAConstantRate() {
        assertThat(LadderPlan.of(source(1280, 720, 30, true))).extracting(LadderPlan::frameRate, LadderPlan::gopFrames)
                .containsExactly(new LadderPlan.FrameRate(30, 1), 120);
        assertThat(LadderPlan.of(source(1280, 720, 25, true)).gopFrames()).isEqualTo(100);
        LadderPlan ntsc = LadderPlan.of(source(1280, 720, 30000.0 / 1001, true));
        assertThat(ntsc.frameRate()).isEqualTo(new LadderPlan.FrameRate(30000, 1001));
        assertThat(ntsc.gopFrames()).isEqualTo(120);
    }

    @Test
    void highFrameRatesAreHalvedAndCostMore() {
        LadderPlan fast = LadderPlan.of(source(1920, 1080, 120, true));
        assertThat(fast.frameRate()).isEqualTo(new LadderPlan.FrameRate(60, 1));
        assertThat(fast.gopFrames()).isEqualTo(240);
        assertThat(fast.rungs().get(0).videoKbps()).isEqualTo(7500);
        assertThat(LadderPlan.of(source(1920, 1080, 100, true)).frameRate()).isEqualTo(new LadderPlan.FrameRate(50, 1));
    }

    @Test
    void variableFrameRateUsesTheNominalRate() {
        ProbeResult vfr = new ProbeResult(3, 320, 240, true, "h264", "yuv420p", 375.0 / 22, 0, 30, 0, 1);
        assertThat(LadderPlan.of(vfr).frameRate()).isEqualTo(new LadderPlan.FrameRate(30, 1));
        // a timebase posing as a frame rate is ignored
        ProbeResult odd = new ProbeResult(3, 320, 240, true, "h264", "yuv420p", 0, 0, 90000, 0, 1);
        assertThat(LadderPlan.of(odd).frameRate()).isEqualTo(new LadderPlan.FrameRate(30, 1));
    }

    @Test
    void anUnusualSteadyRateIsKeptAsIs() {
        assertThat(LadderPlan.of(source(640, 360, 20, false)).frameRate()).isEqualTo(new LadderPlan.FrameRate(20, 1));
        assertThat(LadderPlan.of(source(640, 360, 12.5, false)).frameRate()).isEqualTo(new LadderPlan.FrameRate(25, 2));
        assertThat(LadderPlan.of(source(640, 360, 12.5, false)).gopFrames()).isEqualTo(50);
    }

    @Test
    void withoutAudioThePlanSaysSo() {
        assertThat(LadderPlan.of(source(640, 360, 30, false)).audio()).isFalse();
    }
}
