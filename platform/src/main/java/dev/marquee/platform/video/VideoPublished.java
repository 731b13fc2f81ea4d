package dev.marquee.platform.video;

/** Raised once, when a video first becomes ready to watch. */
public record VideoPublished(long videoId, long ownerId, String title) {}
