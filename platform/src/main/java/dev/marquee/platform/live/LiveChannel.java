package dev.marquee.platform.live;

import java.time.Instant;

/**
 * A channel that is live now, as this node's media plane reports it. {@code sessionId} is the live session's
 * row: chat written now belongs to it, at {@code now - startedAt} into the stream. {@code previewAt} is when the
 * picture on its cards was taken (null until the first one).
 */
public record LiveChannel(long userId, String username, String title, Instant startedAt, int viewers, long sessionId,
                          Instant previewAt) {

    /** The site path of the channel's picture, or null before the first; changes with each picture, so caches may keep each. */
    public String previewPath() {
        return previewAt == null ? null : "/api/v1/live/" + username + "/preview.jpg?v=" + previewAt.toEpochMilli();
    }
}
