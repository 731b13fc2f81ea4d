package dev.marquee.platform.comment.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A comment as stored; parentId is null for a top-level comment. */
record Comment(long id, long videoId, long authorId, String authorName, @Nullable Long parentId, String text,
               Instant createdAt, @Nullable Instant editedAt, int likes, int replies) {}
