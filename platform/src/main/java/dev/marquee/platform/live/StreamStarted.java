package dev.marquee.platform.live;

/** Raised when a channel goes live (its first frame reached the media plane). */
public record StreamStarted(long userId, String username, String title) {}
