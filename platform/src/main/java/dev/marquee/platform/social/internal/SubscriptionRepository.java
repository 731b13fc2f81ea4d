package dev.marquee.platform.social.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who follows which channel (a channel is its owner's account). */
@Repository
class SubscriptionRepository {
    /** A channel someone follows. */
    record Followed(long channelId, String username, Instant since) {}

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean subscribe(long subscriberId, long channelId, Instant now) {
        return jdbc.sql("INSERT INTO subscriptions (subscriber_id, channel_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(subscriberId, channelId, now.toEpochMilli()).update() == 1;
    }

    boolean unsubscribe(long subscriberId, long channelId) {
        return jdbc.sql("DELETE FROM subscriptions WHERE subscriber_id = ? AND channel_id = ?")
                .params(subscriberId, channelId).update() == 1;
    }

    boolean subscribed(long subscriberId, long channelId) {
        return jdbc.sql("SELECT COUNT(*) FROM subscriptions WHERE subscriber_id = ? AND channel_id = ?")
                .params(subscriberId, channelId).query(Long.class).single() > 0;
    }

    long subscribers(long channelId) {
        return jdbc.sql("SELECT COUNT(*) FROM subscriptions WHERE channel_id = ?").param(channelId).query(Long.class).single();
    }

    /** The channels a user follows, by name. */
    List<Followed> channelsOf(long subscriberId) {
        return jdbc.sql("""
                SELECT s.channel_id, u.username, s.created_at FROM subscriptions s JOIN users u ON u.id = s.channel_id
                WHERE s.subscriber_id = ? ORDER BY u.username_key
                """).param(subscriberId)
                .query((rs, row) -> new Followed(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)))).list();
    }

    /** Ids of the newest public, ready videos of the channels a user follows, newest first. */
    List<Long> newestVideoIds(long subscriberId, int limit) {
        return jdbc.sql("""
                SELECT v.id FROM videos v JOIN subscriptions s ON s.channel_id = v.owner_id
                WHERE s.subscriber_id = ? AND v.state = 'ready' AND v.visibility = 'public'
                ORDER BY v.published_at DESC, v.id DESC LIMIT ?
                """).params(subscriberId, limit).query(Long.class).list();
    }
}
