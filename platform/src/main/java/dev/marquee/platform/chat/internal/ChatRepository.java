package dev.marquee.platform.chat.internal;

import dev.marquee.platform.chat.ChatMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Chat lines and chat settings; a deleted line stays as a row but is never read back. */
@Repository
class ChatRepository {
    private static final String SELECT = """
            SELECT m.id, m.channel_id, m.session_id, m.author_id, u.username, m.text, m.stream_time, m.created_at
            FROM chat_messages m JOIN users u ON u.id = m.author_id
            """;

    private final JdbcClient jdbc;

    ChatRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ChatMessage m) {
        jdbc.sql("""
                INSERT INTO chat_messages (id, channel_id, session_id, author_id, text, stream_time, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(m.id(), m.channelId(), m.sessionId(), m.authorId(), m.text(), m.streamTimeMillis(),
                m.createdAt().toEpochMilli()).update();
    }

    /** Marks a line of this channel deleted; false when there is no such (undeleted) line there. */
    boolean delete(long channelId, long id, Instant now) {
        return jdbc.sql("UPDATE chat_messages SET deleted_at = ? WHERE id = ? AND channel_id = ? AND deleted_at IS NULL")
                .params(now.toEpochMilli(), id, channelId).update() == 1;
    }

    Optional<ChatMessage> find(long id) {
        return jdbc.sql(SELECT + " WHERE m.id = ? AND m.deleted_at IS NULL").param(id).query(ChatRepository::map).optional();
    }

    /** The channel's newest lines, oldest first (ids are time-ordered Snowflakes). */
    List<ChatMessage> recent(long channelId, int limit) {
        List<ChatMessage> newestFirst = jdbc.sql(SELECT + " WHERE m.channel_id = ? AND m.deleted_at IS NULL ORDER BY m.id DESC LIMIT ?")
                .params(channelId, limit).query(ChatRepository::map).list();
        return newestFirst.reversed();
    }

    /** A session's lines in stream-time order: what its replay shows. */
    List<ChatMessage> ofSession(long sessionId) {
        return jdbc.sql(SELECT + " WHERE m.session_id = ? AND m.deleted_at IS NULL ORDER BY m.stream_time, m.id")
                .param(sessionId).query(ChatRepository::map).list();
    }

    int slowModeSeconds(long channelId) {
        return jdbc.sql("SELECT slow_mode_seconds FROM chat_settings WHERE channel_id = ?").param(channelId)
                .query(Integer.class).optional().orElse(0);
    }

    void setSlowModeSeconds(long channelId, int seconds, Instant now) {
        jdbc.sql("""
                INSERT INTO chat_settings (channel_id, slow_mode_seconds, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (channel_id) DO UPDATE SET slow_mode_seconds = excluded.slow_mode_seconds,
                                                       updated_at = excluded.updated_at
                """).params(channelId, seconds, now.toEpochMilli()).update();
    }

    private static ChatMessage map(ResultSet rs, int row) throws SQLException {
        return new ChatMessage(rs.getLong("id"), rs.getLong("channel_id"), rs.getLong("session_id"), rs.getLong("author_id"),
                rs.getString("username"), rs.getString("text"), rs.getLong("stream_time"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
