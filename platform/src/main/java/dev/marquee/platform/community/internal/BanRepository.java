package dev.marquee.platform.community.internal;

import dev.marquee.platform.community.Ban;
import dev.marquee.platform.community.Bans;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bans in the {@code bans} table; an expired timeout is simply no longer found. */
@Repository
class BanRepository implements Bans {
    private final JdbcClient jdbc;
    private final Clock clock;

    BanRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void ban(long channelId, long userId, @Nullable Instant until, long byUserId) {
        jdbc.sql("""
                INSERT INTO bans (channel_id, user_id, until, by_user_id, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (channel_id, user_id) DO UPDATE SET until = excluded.until, by_user_id = excluded.by_user_id,
                                                                created_at = excluded.created_at
                """).params(channelId, userId, until == null ? null : until.toEpochMilli(), byUserId,
                clock.millis()).update();
    }

    @Override
    public void lift(long channelId, long userId) {
        jdbc.sql("DELETE FROM bans WHERE channel_id = ? AND user_id = ?").params(channelId, userId).update();
    }

    @Override
    public Optional<Ban> activeBan(long channelId, long userId) {
        // list(), not stream(): a JDBC stream that is never closed keeps its pooled connection for good.
        return jdbc.sql("""
                SELECT * FROM bans WHERE user_id = ? AND channel_id IN (?, ?) AND (until IS NULL OR until > ?)
                ORDER BY until IS NULL DESC, until DESC
                """).params(userId, channelId, Bans.SITE, clock.millis()).query(BanRepository::ban).list().stream().findFirst();
    }

    @Override
    public List<Ban> activeBans(long channelId) {
        return jdbc.sql("SELECT * FROM bans WHERE channel_id = ? AND (until IS NULL OR until > ?) ORDER BY created_at DESC")
                .params(channelId, clock.millis()).query(BanRepository::ban).list();
    }

    private static Ban ban(ResultSet rs, int row) throws SQLException {
        long until = rs.getLong("until");
        Instant end = rs.wasNull() ? null : Instant.ofEpochMilli(until);
        return new Ban(rs.getLong("channel_id"), rs.getLong("user_id"), end, rs.getLong("by_user_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
