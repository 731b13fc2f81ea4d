package dev.marquee.platform.id;

import java.util.function.LongSupplier;

/**
 * 64-bit time-ordered IDs: 41 bits of milliseconds since 2024-01-01, 10 bits of node id, 12 bits of
 * sequence. A clock that steps back is waited out, so an ID is never repeated.
 */
public final class Snowflake {
    static final long EPOCH_MILLIS = 1_704_067_200_000L; // 2024-01-01T00:00:00Z
    static final int NODE_BITS = 10;
    static final int SEQUENCE_BITS = 12;
    static final long MAX_NODE = (1L << NODE_BITS) - 1;
    static final long MAX_SEQUENCE = (1L << SEQUENCE_BITS) - 1;

    private final long node;
    private final LongSupplier clock;
    private long lastMillis = -1;
    private long sequence;

    public Snowflake(int node) {
        this(node, System::currentTimeMillis);
    }

    public Snowflake(int node, LongSupplier clock) {
        if (node < 0 || node > MAX_NODE) throw new IllegalArgumentException("node id must be 0.." + MAX_NODE);
        this.node = node;
        this.clock = clock;
    }

    public synchronized long next() {
        long now = clock.getAsLong();
        while (now < lastMillis) { // the clock stepped back (NTP): wait until it passes the last ID's time
            pause(lastMillis - now);
            now = clock.getAsLong();
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & MAX_SEQUENCE;
            if (sequence == 0) { // 4096 IDs in this millisecond already: wait for the next one
                while (now <= lastMillis) {
                    pause(1);
                    now = clock.getAsLong();
                }
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return ((now - EPOCH_MILLIS) << (NODE_BITS + SEQUENCE_BITS)) | (node << SEQUENCE_BITS) | sequence;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(Math.min(Math.max(millis, 1), 100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the clock", e);
        }
    }
}
