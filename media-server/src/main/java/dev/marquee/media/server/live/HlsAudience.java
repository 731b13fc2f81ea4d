package dev.marquee.media.server.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts a stream's live HLS viewers the way stateless HTTP allows: a player downloads each new segment once,
 * soon after the playlist names it, so the audience is the most downloads of any of the newest few segments.
 * A viewer who leaves stops counting once those segments are older. Safe from any thread.
 */
final class HlsAudience {
    /** Segments looked at: about 8 s of 2 s segments, so a viewer who just joined or just left shows quickly. */
    static final int NEWEST_SEGMENTS = 4;

    private final Map<Long, AtomicInteger> downloads = new ConcurrentHashMap<>();

    /** A player downloaded this segment (one that exists: the map never holds more than the kept segments). */
    void downloaded(long sequence) {
        downloads.computeIfAbsent(sequence, s -> new AtomicInteger()).incrementAndGet();
    }

    /** The audience as of {@code newestSequence} (the newest finished segment, -1 before any); forgets older segments. */
    int viewers(long newestSequence) {
        long oldest = newestSequence - NEWEST_SEGMENTS + 1;
        downloads.keySet().removeIf(s -> s < oldest);
        int most = 0;
        for (AtomicInteger count : downloads.values()) most = Math.max(most, count.get());
        return most;
    }
}
