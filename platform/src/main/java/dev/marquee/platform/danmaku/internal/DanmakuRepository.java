package dev.marquee.platform.danmaku.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Danmaku rows by (video, slice). Each slice keeps at most {@code cap} rows: the newest win, trimmed on insert. */
@Repository
class DanmakuRepository {
    private final JdbcClient jdbc;

    DanmakuRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Danmaku d) {
        jdbc.sql("""
                INSERT INTO danmaku (id, video_id, slice, time_ms, text, mode, color, size, sender, user_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(d.id(), d.videoId(), d.slice(), d.timeMs(), d.text(), d.mode().wireName(), d.color(),
                d.size().wireName(), d.sender(), d.userId(), d.createdAt()).update();
    }

    /** Deletes all but the newest {@code cap} danmaku of the slice (ids are time-ordered Snowflakes). */
    int trim(long videoId, int slice, int cap) {
        return jdbc.sql("""
                DELETE FROM danmaku WHERE video_id = ? AND slice = ? AND id < (
                    SELECT id FROM danmaku WHERE video_id = ? AND slice = ? ORDER BY id DESC LIMIT 1 OFFSET ?)
                """).params(videoId, slice, videoId, slice, cap - 1).update();
    }

    /** The newest {@code cap} of a slice, in playback order. */
    List<Danmaku> slice(long videoId, int slice, int cap) {
        List<Danmaku> rows = jdbc.sql("SELECT * FROM danmaku WHERE video_id = ? AND slice = ? ORDER BY id DESC LIMIT ?")
                .params(videoId, slice, cap).query(DanmakuRepository::map).list();
        return rows.stream().sorted(Comparator.comparingLong(Danmaku::timeMs).thenComparingLong(Danmaku::id)).toList();
    }

    /** The last slice holding any danmaku of the video, or -1. */
    int lastSlice(long videoId) {
        Integer last = jdbc.sql("SELECT MAX(slice) FROM danmaku WHERE video_id = ?").param(videoId).query(Integer.class)
                .optional().orElse(null);
        return last == null ? -1 : last;
    }

    int count(long videoId) {
        return jdbc.sql("SELECT COUNT(*) FROM danmaku WHERE video_id = ?").param(videoId).query(Integer.class).single();
    }

    private static Danmaku map(ResultSet rs, int row) throws SQLException {
        long user = rs.getLong("user_id");
        Long userId = rs.wasNull() ? null : user;
        return new Danmaku(rs.getLong("id"), rs.getLong("video_id"), rs.getLong("time_ms"), rs.getString("text"),
                DanmakuMode.parse(rs.getString("mode")), rs.getInt("color"), DanmakuSize.parse(rs.getString("size")),
                rs.getString("sender"), userId, rs.getLong("created_at"));
    }
}
