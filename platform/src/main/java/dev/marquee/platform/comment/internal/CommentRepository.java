package dev.marquee.platform.comment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {
    private static final String SELECT = "SELECT c.*, u.username AS author_name FROM comments c JOIN users u ON u.id = c.author_id ";

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long id, long videoId, long authorId, @Nullable Long parentId, String text, Instant now) {
        jdbc.sql("INSERT INTO comments (id, video_id, author_id, parent_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, videoId, authorId, parentId, text, now.toEpochMilli()).update();
        if (parentId != null) recountReplies(parentId);
    }

    Optional<Comment> find(long id) {
        return jdbc.sql(SELECT + "WHERE c.id = ?").param(id).query(this::map).optional();
    }

    /** Top-level comments of a video after the cursor: newest first, or most liked then newest. */
    List<Comment> topLevel(long videoId, boolean top, @Nullable CommentCursor after, int limit) {
        String where = "WHERE c.video_id = :video AND c.parent_id IS NULL ";
        if (after != null) {
            where += top ? "AND (c.likes < :likes OR (c.likes = :likes AND c.id < :id)) " : "AND c.id < :id ";
        }
        String order = top ? "ORDER BY c.likes DESC, c.id DESC " : "ORDER BY c.id DESC ";
        var spec = jdbc.sql(SELECT + where + order + "LIMIT :limit").param("video", videoId).param("limit", limit);
        if (after != null) spec = spec.param("id", after.id());
        if (after != null && top) spec = spec.param("likes", after.likes());
        return spec.query(this::map).list();
    }

    /** Replies to a comment in the order they were written, after the one with id afterId. */
    List<Comment> replies(long parentId, @Nullable Long afterId, int limit) {
        return jdbc.sql(SELECT + "WHERE c.parent_id = :parent AND c.id > :after ORDER BY c.id LIMIT :limit")
                .param("parent", parentId).param("after", afterId == null ? Long.MIN_VALUE : afterId)
                .param("limit", limit).query(this::map).list();
    }

    /** Every comment of the video, replies included. */
    long count(long videoId) {
        return jdbc.sql("SELECT COUNT(*) FROM comments WHERE video_id = ?").param(videoId).query(Long.class).single();
    }

    void updateText(long id, String text, Instant now) {
        jdbc.sql("UPDATE comments SET text = ?, edited_at = ? WHERE id = ?").params(text, now.toEpochMilli(), id).update();
    }

    /** Deletes the comment and (by cascade) its replies. */
    void delete(Comment comment) {
        jdbc.sql("DELETE FROM comments WHERE id = ?").param(comment.id()).update();
        if (comment.parentId() != null) recountReplies(comment.parentId());
    }

    /** True when this like is new. */
    boolean like(long commentId, long userId, Instant now) {
        boolean added = jdbc.sql("INSERT INTO comment_likes (comment_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(commentId, userId, now.toEpochMilli()).update() == 1;
        if (added) recountLikes(commentId);
        return added;
    }

    boolean unlike(long commentId, long userId) {
        boolean removed = jdbc.sql("DELETE FROM comment_likes WHERE comment_id = ? AND user_id = ?")
                .params(commentId, userId).update() == 1;
        if (removed) recountLikes(commentId);
        return removed;
    }

    /** Which of these comments the user liked. */
    Set<Long> likedBy(long userId, Collection<Long> commentIds) {
        if (commentIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("SELECT comment_id FROM comment_likes WHERE user_id = :user AND comment_id IN (:ids)")
                .param("user", userId).param("ids", commentIds).query(Long.class).list());
    }

    // Counters are recounted from their rows, so concurrent likes or deletes can never leave them off by one.
    private void recountLikes(long commentId) {
        jdbc.sql("UPDATE comments SET likes = (SELECT COUNT(*) FROM comment_likes WHERE comment_id = ?) WHERE id = ?")
                .params(commentId, commentId).update();
    }

    private void recountReplies(long parentId) {
        jdbc.sql("UPDATE comments SET replies = (SELECT COUNT(*) FROM comments r WHERE r.parent_id = ?) WHERE id = ?")
                .params(parentId, parentId).update();
    }

    private Comment map(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentOrNull = rs.wasNull() ? null : parent;
        long edited = rs.getLong("edited_at");
        Instant editedOrNull = rs.wasNull() ? null : Instant.ofEpochMilli(edited);
        return new Comment(rs.getLong("id"), rs.getLong("video_id"), rs.getLong("author_id"), rs.getString("author_name"),
                parentOrNull, rs.getString("text"), Instant.ofEpochMilli(rs.getLong("created_at")), editedOrNull,
                rs.getInt("likes"), rs.getInt("replies"));
    }
}
