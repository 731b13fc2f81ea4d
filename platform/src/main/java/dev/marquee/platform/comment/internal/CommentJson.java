package dev.marquee.platform.comment.internal;

import dev.marquee.platform.id.PublicId;
import java.time.Instant;
import java.util.List;

/** A comment as API.md shows it, plus editedAt, likes and whether the caller liked it. */
record CommentJson(String id, String text, Author author, String parentId, Instant createdAt, Instant editedAt,
                   int replies, int likes, boolean liked) {

    record Author(String id, String username) {}

    /** A page of comments or replies; count is all comments of the video (or all replies of the comment). */
    record Page(List<CommentJson> items, String next, long count) {}

    static CommentJson of(Comment c, boolean liked) {
        return new CommentJson(PublicId.encode(c.id()), c.text(),
                new Author(PublicId.encode(c.authorId()), c.authorName()),
                c.parentId() == null ? null : PublicId.encode(c.parentId()), c.createdAt(), c.editedAt(),
                c.replies(), c.likes(), liked);
    }
}
