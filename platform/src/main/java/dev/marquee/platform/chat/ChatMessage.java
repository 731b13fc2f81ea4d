package dev.marquee.platform.chat;

import java.time.Instant;

/**
 * One chat line as stored: written on {@code channelId}'s live session {@code sessionId},
 * {@code streamTimeMillis} after that session started.
 */
public record ChatMessage(long id, long channelId, long sessionId, long authorId, String authorName, String text,
                          long streamTimeMillis, Instant createdAt) {}
