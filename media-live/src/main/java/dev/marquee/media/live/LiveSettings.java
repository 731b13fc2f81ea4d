package dev.marquee.media.live;

import java.time.Duration;

/**
 * Tuning of the live fan-out. Every limit is a bound on memory or latency; none may be switched off.
 *
 * @param flushInterval      how often a viewer group writes and flushes at most (batches small frames); 100 ms by
 *                           default, up to 500 ms for a host who trades latency for CPU, and under the backlog
 * @param maxBacklog         a viewer further behind than this skips to the newest keyframe
 * @param maxBacklogBytes    the same limit in bytes
 * @param gopCacheDuration   the longest span since a keyframe kept for late joiners; beyond it they wait
 * @param gopCacheBytes      the same limit in bytes
 * @param republishGrace     how long viewers wait for a publisher that left to come back
 */
public record LiveSettings(Duration flushInterval, Duration maxBacklog, long maxBacklogBytes,
                           Duration gopCacheDuration, long gopCacheBytes, Duration republishGrace) {

    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(100);
    /** Past half a second the stream would no longer be "about a second behind" (SRS merges writes up to 350 ms). */
    public static final Duration MAX_FLUSH_INTERVAL = Duration.ofMillis(500);

    public LiveSettings {
        if (flushInterval.isNegative() || flushInterval.isZero() || flushInterval.compareTo(MAX_FLUSH_INTERVAL) > 0) {
            throw new IllegalArgumentException("flushInterval must be in (0, 500 ms]: " + flushInterval);
        }
        requirePositive(maxBacklog, "maxBacklog");
        if (flushInterval.compareTo(maxBacklog) >= 0) { // a viewer would fall "behind" between two of its own flushes
            throw new IllegalArgumentException("flushInterval must be shorter than maxBacklog: " + flushInterval + " ≥ " + maxBacklog);
        }
        requirePositive(gopCacheDuration, "gopCacheDuration");
        requirePositive(republishGrace, "republishGrace");
        if (maxBacklogBytes <= 0 || gopCacheBytes <= 0) throw new IllegalArgumentException("byte limits must be positive");
    }

    /**
     * 100 ms flushes, the most the issue allows by default: past the first few hundred viewers the kernel's cost per write
     * is most of the CPU (docs/BENCHMARKS.md: at 2,000 viewers 0.47–0.53 CPU-s per GB against 0.58–0.71 at
     * 75 ms, for 118 ms p99 added latency against 96–98 ms); 3 s / 4 MB backlog, 10 s / 8 MB GOP cache, 10 s grace.
     */
    public static LiveSettings defaults() {
        return new LiveSettings(DEFAULT_FLUSH_INTERVAL, Duration.ofSeconds(3), 4L << 20,
                Duration.ofSeconds(10), 8L << 20, Duration.ofSeconds(10));
    }

    public LiveSettings withFlushInterval(Duration value) {
        return new LiveSettings(value, maxBacklog, maxBacklogBytes, gopCacheDuration, gopCacheBytes, republishGrace);
    }

    public LiveSettings withMaxBacklog(Duration value, long bytes) {
        return new LiveSettings(flushInterval, value, bytes, gopCacheDuration, gopCacheBytes, republishGrace);
    }

    public LiveSettings withGopCache(Duration value, long bytes) {
        return new LiveSettings(flushInterval, maxBacklog, maxBacklogBytes, value, bytes, republishGrace);
    }

    public LiveSettings withRepublishGrace(Duration value) {
        return new LiveSettings(flushInterval, maxBacklog, maxBacklogBytes, gopCacheDuration, gopCacheBytes, value);
    }

    /** Past this span a viewer that cannot skip forward drops everything and waits for a keyframe. */
    long windowMillis() {
        return Math.max(maxBacklog.toMillis(), gopCacheDuration.toMillis());
    }

    long windowBytes() {
        return Math.max(maxBacklogBytes, gopCacheBytes);
    }

    /** What may wait in a group's inbox before the source stops feeding it and re-seeds it later. */
    long inboxBytes() {
        return maxBacklogBytes + gopCacheBytes;
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
    }
}
