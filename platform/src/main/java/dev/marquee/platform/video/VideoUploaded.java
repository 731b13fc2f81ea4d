package dev.marquee.platform.video;

/** Raised when a video's upload completed and its original is in place, waiting for processing. */
public record VideoUploaded(long videoId) {}
