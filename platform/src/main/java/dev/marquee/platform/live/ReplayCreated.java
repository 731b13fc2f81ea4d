package dev.marquee.platform.live;

import java.time.Instant;

/**
 * Raised when a live session's recording has become a video of the channel (still processing). The video's
 * t=0 is the session's first frame, which is {@code startedAt}.
 */
public record ReplayCreated(long sessionId, long userId, long videoId, Instant startedAt) {}
