package dev.marquee.platform.comment;

import org.jspecify.annotations.Nullable;

/** Raised after a comment (or a reply, with its top-level parent) is stored. */
public record CommentPosted(long commentId, long videoId, long authorId, @Nullable Long parentId) {}
