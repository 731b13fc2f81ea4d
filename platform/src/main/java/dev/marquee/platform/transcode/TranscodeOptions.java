package dev.marquee.platform.transcode;

import java.util.List;

/**
 * Encoder knobs an operator may turn.
 *
 * @param preset  x264 preset; {@code ultrafast} is refused because it cannot produce High profile
 * @param threads 0 lets ffmpeg and x264 decide (the default); otherwise the thread count of each encoder
 * @param niceness how far below the server's priority ffmpeg runs (0..19, as {@code nice -n}): a transcode is a
 *                 batch job and must not take the CPU a live stream's viewers are waiting for; 0 runs it level
 */
public record TranscodeOptions(String preset, int threads, int niceness) {

    private static final List<String> PRESETS =
            List.of("superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow");

    public TranscodeOptions {
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("x264 preset must be one of " + PRESETS + ", not " + preset);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (automatic) or positive, not " + threads);
        }
        if (niceness < 0 || niceness > 19) {
            throw new IllegalArgumentException("niceness must be 0..19, not " + niceness);
        }
    }

    /** veryfast, automatic threads, niceness 10. */
    public static TranscodeOptions defaults() {
        return new TranscodeOptions("veryfast", 0, 10);
    }

    public TranscodeOptions withThreads(int threads) {
        return new TranscodeOptions(preset, threads, niceness);
    }

    public TranscodeOptions withPreset(String preset) {
        return new TranscodeOptions(preset, threads, niceness);
    }

    public TranscodeOptions withNiceness(int niceness) {
        return new TranscodeOptions(preset, threads, niceness);
    }
}
