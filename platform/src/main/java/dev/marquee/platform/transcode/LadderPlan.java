package dev.marquee.platform.transcode;

import java.util.ArrayList;
import java.util.List;

/**
 * The H.264/AAC renditions to make from one source: 1080/720/480/360/240 by the short side (so
 * portrait stays portrait), never above the source, plus the source's own size when it falls
 * well between two steps, and always at least one rung.
 *
 * @param rungs      highest first
 * @param frameRate  the constant output frame rate of every rung
 * @param gopFrames  frames between keyframes, the same in every rung so segments align (~4 s)
 * @param audio      whether each rung carries the source's audio
 */
public record LadderPlan(List<Rung> rungs, FrameRate frameRate, int gopFrames, boolean audio) {

    /** Seconds per HLS segment; the GOP is sized to it. */
    public static final int SEGMENT_SECONDS = 4;

    private static final int[] STEPS = {1080, 720, 480, 360, 240};
    private static final int[] STEP_KBPS = {5000, 2800, 1400, 800, 400};
    private static final double MAX_FPS = 60;

    /**
     * One rendition.
     *
     * @param width        even, at most the source's display width
     * @param height       even, at most the source's display height
     * @param videoKbps    x264 target bit rate
     * @param maxrateKbps  VBV peak rate
     * @param bufsizeKbps  VBV buffer
     * @param audioKbps    AAC bit rate (ignored without audio)
     */
    public record Rung(int width, int height, int videoKbps, int maxrateKbps, int bufsizeKbps, int audioKbps) {

        public int shortSide() {
            return Math.min(width, height);
        }
    }

    /** A frame rate as the fraction ffmpeg wants, e.g. 30000/1001. */
    public record FrameRate(int num, int den) {

        public double value() {
            return (double) num / den;
        }

        @Override
        public String toString() {
            return num + "/" + den;
        }
    }

    public LadderPlan {
        if (rungs.isEmpty()) {
            throw new IllegalArgumentException("a ladder has at least one rung");
        }
        rungs = List.copyOf(rungs);
    }

    /** Plans the ladder for {@code probe}. */
    public static LadderPlan of(ProbeResult probe) {
        FrameRate rate = outputFrameRate(probe.frameRate(), probe.nominalFrameRate());
        double fpsFactor = rate.value() > 30.5 ? 1.5 : 1.0;
        int sourceShort = probe.shortSide();
        List<Rung> rungs = new ArrayList<>();
        for (int step : STEPS) {
            if (step <= sourceShort) {
                rungs.add(rung(probe, step, fpsFactor));
            }
        }
        // a 700p or 359p source would otherwise lose its detail to the next step down
        boolean between = sourceShort < STEPS[0] && (rungs.isEmpty() || sourceShort > rungs.get(0).shortSide() * 1.1);
        if (between) {
            rungs.add(0, rung(probe, sourceShort, fpsFactor));
        }
        int gop = (int) Math.ceil(SEGMENT_SECONDS * rate.value() - 1e-6);
        return new LadderPlan(rungs, rate, Math.max(1, gop), probe.hasAudio());
    }

    private static Rung rung(ProbeResult probe, int shortSide, double fpsFactor) {
        int maxW = evenDown(probe.width());
        int maxH = evenDown(probe.height());
        int width;
        int height;
        if (probe.portrait()) {
            width = Math.min(maxW, evenDown(shortSide));
            height = Math.min(maxH, evenNear((double) width * probe.height() / probe.width()));
        } else {
            height = Math.min(maxH, evenDown(shortSide));
            width = Math.min(maxW, evenNear((double) height * probe.width() / probe.height()));
        }
        int shortPx = Math.min(width, height);
        // bit rates are for 16:9; squarer or wider pictures have fewer or more pixels to pay for
        double aspect = (double) width * height / (shortPx * (shortPx * 16.0 / 9.0));
        double kbps = kbpsForShortSide(shortPx) * Math.clamp(aspect, 0.5, 2.0) * fpsFactor;
        int video = (int) Math.max(10, Math.round(kbps / 10) * 10);
        return new Rung(width, height, video, (int) Math.round(video * 1.5), video * 2, shortPx > 360 ? 128 : 96);
    }

    /** The bit rate table, interpolated for sizes between steps. */
    static double kbpsForShortSide(int shortSide) {
        if (shortSide >= STEPS[0]) {
            return STEP_KBPS[0];
        }
        for (int i = 1; i < STEPS.length; i++) {
            if (shortSide >= STEPS[i]) {
                double t = (double) (shortSide - STEPS[i]) / (STEPS[i - 1] - STEPS[i]);
                return STEP_KBPS[i] + t * (STEP_KBPS[i - 1] - STEP_KBPS[i]);
            }
        }
        double last = STEPS[STEPS.length - 1];
        return Math.max(100, STEP_KBPS[STEP_KBPS.length - 1] * (shortSide / last) * (shortSide / last));
    }

    /**
     * A constant rate for the output: the average snapped to a broadcast rate; for variable frame
     * rate files the nominal rate when it is sane; at most 60 (120 → 60, 100 → 50).
     */
    static FrameRate outputFrameRate(double average, double nominal) {
        if (!(average > 0) && nominal > 240) {
            nominal = 0; // a time base (90000/1), not a frame rate
        }
        double fps = average > 0 ? average : nominal;
        FrameRate standard = standard(fps);
        if (standard == null && nominal > average && nominal <= MAX_FPS) {
            fps = nominal;
            standard = standard(fps);
        }
        if (!(fps > 0)) {
            return new FrameRate(30, 1);
        }
        if (fps > MAX_FPS + 0.01) {
            fps = fps / Math.ceil(fps / MAX_FPS - 0.01);
            standard = standard(fps);
        }
        if (standard != null) {
            return standard;
        }
        fps = Math.max(1, fps);
        int num = (int) Math.round(fps * 1000);
        int gcd = gcd(num, 1000);
        return new FrameRate(num / gcd, 1000 / gcd);
    }

    private static FrameRate standard(double fps) {
        FrameRate[] rates = {new FrameRate(24000, 1001), new FrameRate(24, 1), new FrameRate(25, 1),
            new FrameRate(30000, 1001), new FrameRate(30, 1), new FrameRate(48, 1), new FrameRate(50, 1),
            new FrameRate(60000, 1001), new FrameRate(60, 1), new FrameRate(15, 1), new FrameRate(12, 1),
            new FrameRate(10, 1)};
        FrameRate best = null;
        for (FrameRate rate : rates) {
            double error = Math.abs(rate.value() - fps) / rate.value();
            if (error < 0.015 && (best == null || error < Math.abs(best.value() - fps) / best.value())) {
                best = rate;
            }
        }
        return best;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    static int evenDown(int n) {
        return Math.max(2, n & ~1);
    }

    static int evenNear(double n) {
        return Math.max(2, (int) Math.round(n / 2.0) * 2);
    }
}
