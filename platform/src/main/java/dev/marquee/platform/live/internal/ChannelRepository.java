package dev.marquee.platform.live.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A streamer's standing setup: the salt and hash of the current stream key, the next stream's title, whether
 * streams are kept as replays.
 */
@Repository
class ChannelRepository {
    record StoredKey(long userId, String salt, String keyHash) {}

    private final JdbcClient jdbc;

    ChannelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredKey> findKey(long userId) {
        return jdbc.sql("SELECT user_id, salt, key_hash FROM stream_keys WHERE user_id = ?").param(userId)
                .query((rs, n) -> new StoredKey(rs.getLong("user_id"), rs.getString("salt"), rs.getString("key_hash")))
                .optional();
    }

    /** Stores a first key; when two requests race, the first one's key stays. */
    void insertKeyIfAbsent(long userId, String salt, String keyHash, Instant now) {
        jdbc.sql("INSERT INTO stream_keys (user_id, salt, key_hash, created_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (user_id) DO NOTHING")
                .params(userId, salt, keyHash, now.toEpochMilli()).update();
    }

    /** Makes this the user's one key, whether or not they had one. */
    void replaceKey(long userId, String salt, String keyHash, Instant now) {
        jdbc.sql("""
                INSERT INTO stream_keys (user_id, salt, key_hash, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET salt = excluded.salt, key_hash = excluded.key_hash,
                                                    created_at = excluded.created_at
                """).params(userId, salt, keyHash, now.toEpochMilli()).update();
    }

    /** Re-records the hash of a key derived from an unchanged salt (after the site secret changed). */
    void updateHash(long userId, String salt, String keyHash) {
        jdbc.sql("UPDATE stream_keys SET key_hash = ? WHERE user_id = ? AND salt = ?").params(keyHash, userId, salt).update();
    }

    Optional<Long> userIdByKeyHash(String keyHash) {
        return jdbc.sql("SELECT user_id FROM stream_keys WHERE key_hash = ?").param(keyHash).query(Long.class).optional();
    }

    Optional<String> nextTitle(long userId) {
        return jdbc.sql("SELECT title FROM live_settings WHERE user_id = ? AND title IS NOT NULL").param(userId)
                .query(String.class).optional();
    }

    /** Whether a finished stream of the user's becomes a replay video: yes unless they turned it off. */
    boolean savesReplays(long userId) {
        return jdbc.sql("SELECT save_replay FROM live_settings WHERE user_id = ?").param(userId)
                .query(Boolean.class).optional().orElse(true);
    }

    void setSaveReplays(long userId, boolean save, Instant now) {
        jdbc.sql("""
                INSERT INTO live_settings (user_id, save_replay, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET save_replay = excluded.save_replay, updated_at = excluded.updated_at
                """).params(userId, save, now.toEpochMilli()).update();
    }

    void setNextTitle(long userId, String title, Instant now) {
        jdbc.sql("""
                INSERT INTO live_settings (user_id, title, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (user_id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at
                """).params(userId, title, now.toEpochMilli()).update();
    }
}
