package dev.marquee.platform.danmaku;

import java.time.Instant;

/** A message written at a moment of a stream (a live chat line), to be replayed as danmaku on its recording. */
public record TimedMessage(long senderUserId, double timeSeconds, String text, Instant writtenAt) {}
