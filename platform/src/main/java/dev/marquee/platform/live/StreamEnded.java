package dev.marquee.platform.live;

import java.time.Instant;

/** Raised when a live stream is over for good (after the media plane's reconnect grace period). */
public record StreamEnded(long userId, String username, String title, long sessionId, Instant startedAt,
                          Instant endedAt, int peakViewers) {}
