package dev.marquee.platform.live;

/** Raised when a live session's replay has become a public video anyone may watch. */
public record ReplayReady(long userId, long videoId, String title) {}
