package dev.marquee.bench.stats;

import java.time.Instant;

/** Epoch microseconds from the system's real-time clock, which the publisher and viewers on one machine share. */
public final class WallClock {
    private WallClock() {}

    public static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
