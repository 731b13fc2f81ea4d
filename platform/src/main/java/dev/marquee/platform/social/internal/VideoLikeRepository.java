package dev.marquee.platform.social.internal;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One like per user per video. */
@Repository
class VideoLikeRepository {
    private final JdbcClient jdbc;

    VideoLikeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the like is new (a second like is a no-op). */
    boolean like(long videoId, long userId, Instant now) {
        return jdbc.sql("INSERT INTO video_likes (video_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(videoId, userId, now.toEpochMilli()).update() == 1;
    }

    boolean unlike(long videoId, long userId) {
        return jdbc.sql("DELETE FROM video_likes WHERE video_id = ? AND user_id = ?").params(videoId, userId).update() == 1;
    }

    long count(long videoId) {
        return jdbc.sql("SELECT COUNT(*) FROM video_likes WHERE video_id = ?").param(videoId).query(Long.class).single();
    }

    boolean liked(long videoId, long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM video_likes WHERE video_id = ? AND user_id = ?")
                .params(videoId, userId).query(Long.class).single() > 0;
    }
}
