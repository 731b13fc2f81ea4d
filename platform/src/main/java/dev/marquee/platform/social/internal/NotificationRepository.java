package dev.marquee.platform.social.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each subscriber's notifications; an event reaches all of a channel's subscribers in one statement. */
@Repository
class NotificationRepository {
    /** One notification as stored; videoId is null for a stream start. */
    record Notification(long eventId, String kind, long channelId, String channelName, @Nullable Long videoId,
                        String title, Instant createdAt, boolean read) {}

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A channel published a video: one row per subscriber, written by one INSERT ... SELECT. Returns the rows. */
    int fanOutVideo(long eventId, long channelId, long videoId, String title, Instant now) {
        return jdbc.sql("""
                INSERT INTO notifications (user_id, event_id, kind, channel_id, video_id, title, created_at)
                SELECT subscriber_id, ?, 'video', channel_id, ?, ?, ? FROM subscriptions WHERE channel_id = ?
                """).params(eventId, videoId, title, now.toEpochMilli(), channelId).update();
    }

    /** A channel went live: one row per subscriber, one statement. */
    int fanOutLive(long eventId, long channelId, String title, Instant now) {
        return jdbc.sql("""
                INSERT INTO notifications (user_id, event_id, kind, channel_id, video_id, title, created_at)
                SELECT subscriber_id, ?, 'live', channel_id, CAST(NULL AS BIGINT), ?, ? FROM subscriptions WHERE channel_id = ?
                """).params(eventId, title, now.toEpochMilli(), channelId).update();
    }

    /** Newest first, older than the event id beforeId when given. */
    List<Notification> list(long userId, @Nullable Long beforeId, int limit) {
        return jdbc.sql("""
                SELECT n.*, u.username AS channel_name FROM notifications n JOIN users u ON u.id = n.channel_id
                WHERE n.user_id = ? AND n.event_id < ? ORDER BY n.event_id DESC LIMIT ?
                """).params(userId, beforeId == null ? Long.MAX_VALUE : beforeId, limit).query(this::map).list();
    }

    long unread(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL")
                .param(userId).query(Long.class).single();
    }

    void markAllRead(long userId, Instant now) {
        jdbc.sql("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
                .params(now.toEpochMilli(), userId).update();
    }

    void markRead(long userId, Collection<Long> eventIds, Instant now) {
        if (eventIds.isEmpty()) return;
        jdbc.sql("UPDATE notifications SET read_at = :now WHERE user_id = :user AND read_at IS NULL AND event_id IN (:ids)")
                .param("now", now.toEpochMilli()).param("user", userId).param("ids", eventIds).update();
    }

    private Notification map(ResultSet rs, int row) throws SQLException {
        long video = rs.getLong("video_id");
        Long videoOrNull = rs.wasNull() ? null : video;
        rs.getLong("read_at");
        boolean read = !rs.wasNull();
        return new Notification(rs.getLong("event_id"), rs.getString("kind"), rs.getLong("channel_id"),
                rs.getString("channel_name"), videoOrNull, rs.getString("title"),
                Instant.ofEpochMilli(rs.getLong("created_at")), read);
    }
}
