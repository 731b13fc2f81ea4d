package dev.marquee.platform.transcode;

import java.util.List;

/**
 * Encoder knobs an operator may turn.
 *
 * @param preset  x264 preset; {@code ultrafast} is refused because it cannot produce High profile
 * @param threads 0 lets ffmpeg and x264 decide (the default); otherwise the thread count of each encoder
 */
public record TranscodeOptions(String preset, int threads) {

    private static final List<String> PRESETS =
            List.of("superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow");

    public TranscodeOptions {
        if (!PRESETS.contains(preset)) {
            throw new IllegalArgumentException("x264 preset must be one of " + PRESETS + ", not " + preset);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (automatic) or positive, not " + threads);
        }
    }

    /** veryfast, automatic threads. */
    public static TranscodeOptions defaults() {
        return new TranscodeOptions("veryfast", 0);
    }

    public TranscodeOptions withThreads(int threads) {
        return new TranscodeOptions(preset, threads);
    }

    public TranscodeOptions withPreset(String preset) {
        return new TranscodeOptions(preset, threads);
    }
}
