package dev.marquee.platform.live.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Live sessions: one row per stream, open while it is live. */
@Repository
class LiveSessionRepository {
    /** {@code endedAt} null while live; {@code replayVideoId} null until the recording became a video, or if it never will. */
    record Session(long id, long userId, String title, Instant startedAt, Instant endedAt, int peakViewers, Long replayVideoId) {}

    private final JdbcClient jdbc;

    LiveSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long id, long userId, String title, Instant startedAt) {
        jdbc.sql("INSERT INTO live_sessions (id, user_id, title, started_at) VALUES (?, ?, ?, ?)")
                .params(id, userId, title, startedAt.toEpochMilli()).update();
    }

    /** The streamer renamed the stream while it ran. */
    void retitle(long id, String title) {
        jdbc.sql("UPDATE live_sessions SET title = ? WHERE id = ?").params(title, id).update();
    }

    /** Closes the session; false when it is unknown or already closed. */
    boolean end(long id, Instant endedAt, int peakViewers) {
        return jdbc.sql("UPDATE live_sessions SET ended_at = ?, peak_viewers = ? WHERE id = ? AND ended_at IS NULL")
                .params(endedAt.toEpochMilli(), peakViewers, id).update() == 1;
    }

    /** Closes what a stopped server left open for this user, at {@code now}: the true end is unknown. */
    int closeOpen(long userId, Instant now) {
        return jdbc.sql("UPDATE live_sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL")
                .params(now.toEpochMilli(), userId).update();
    }

    /** Names the video the session's recording became; false when it already had one. */
    boolean linkReplay(long id, long videoId) {
        return jdbc.sql("UPDATE live_sessions SET replay_video_id = ? WHERE id = ? AND replay_video_id IS NULL")
                .params(videoId, id).update() == 1;
    }

    /** The video the session's recording became, if it has been imported. */
    Optional<Long> replayOf(long id) {
        return jdbc.sql("SELECT replay_video_id FROM live_sessions WHERE id = ? AND replay_video_id IS NOT NULL")
                .param(id).query(Long.class).optional();
    }

    /** The videos a user's latest sessions became, newest session first. */
    List<Long> recentReplays(long userId, int limit) {
        return jdbc.sql("SELECT replay_video_id FROM live_sessions WHERE user_id = ? AND replay_video_id IS NOT NULL"
                        + " ORDER BY started_at DESC, id DESC LIMIT ?")
                .params(userId, limit).query(Long.class).list();
    }

    Optional<Session> find(long id) {
        return jdbc.sql("SELECT * FROM live_sessions WHERE id = ?").param(id).query(LiveSessionRepository::map).optional();
    }

    /** A user's sessions, newest first. */
    List<Session> ofUser(long userId, int limit) {
        return jdbc.sql("SELECT * FROM live_sessions WHERE user_id = ? ORDER BY started_at DESC, id DESC LIMIT ?")
                .params(userId, limit).query(LiveSessionRepository::map).list();
    }

    private static Session map(ResultSet rs, int row) throws SQLException {
        long ended = rs.getLong("ended_at");
        Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        long replay = rs.getLong("replay_video_id");
        Long replayVideoId = rs.wasNull() ? null : replay;
        return new Session(rs.getLong("id"), rs.getLong("user_id"), rs.getString("title"),
                Instant.ofEpochMilli(rs.getLong("started_at")), endedAt, rs.getInt("peak_viewers"), replayVideoId);
    }
}
