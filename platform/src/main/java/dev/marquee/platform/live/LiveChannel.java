package dev.marquee.platform.live;

import java.time.Instant;

/**
 * A channel that is live now, as this node's media plane reports it. {@code sessionId} is the live session's
 * row: chat written now belongs to it, at {@code now - startedAt} into the stream. {@code previewAt} is when the
 * picture on its cards was taken (null until the first one).
 */
public record LiveChannel(long userId, String username, String title, Instant startedAt, int viewers, long sessionId,
                          Instant previewAt) {}
