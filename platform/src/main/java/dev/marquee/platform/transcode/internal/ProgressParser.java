package dev.marquee.platform.transcode.internal;

import java.util.function.IntConsumer;

/**
 * Reads the {@code key=value} lines of {@code ffmpeg -progress pipe:1} and reports whole percent
 * of the expected duration, only when the number grows, never above 99: 100 is for the caller
 * to announce once everything is written.
 */
public final class ProgressParser {

    private final long durationMicros;
    private final IntConsumer listener;
    private int reported = -1;

    public ProgressParser(double durationSeconds, IntConsumer listener) {
        this.durationMicros = Math.max(1L, Math.round(durationSeconds * 1_000_000));
        this.listener = listener;
    }

    /** Feeds one line of ffmpeg's progress output. */
    public void accept(String line) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String key = line.substring(0, eq).strip();
        // out_time_ms is microseconds too: a historical ffmpeg misnomer kept for compatibility
        if (!key.equals("out_time_us") && !key.equals("out_time_ms")) {
            return;
        }
        long micros;
        try {
            micros = Long.parseLong(line.substring(eq + 1).strip());
        } catch (NumberFormatException e) {
            return; // "N/A" before the first frame
        }
        if (micros < 0) {
            return;
        }
        int percent = (int) Math.min(99, micros * 100 / durationMicros);
        report(percent);
    }

    /** Reports {@code percent} if it is above what was reported before. */
    public void report(int percent) {
        if (percent > reported) {
            reported = percent;
            listener.accept(percent);
        }
    }

    /** The last percent reported, -1 before the first. */
    public int reported() {
        return reported;
    }
}
