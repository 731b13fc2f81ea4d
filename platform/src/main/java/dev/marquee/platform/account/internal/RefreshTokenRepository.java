package dev.marquee.platform.account.internal;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refresh tokens, stored only as SHA-256 hashes, grouped in families that start at one sign-in. */
@Repository
class RefreshTokenRepository {
    record StoredToken(long id, long familyId, long userId, Instant expiresAt, boolean used, boolean revoked) {}

    private final JdbcClient jdbc;

    RefreshTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long id, long familyId, long userId, String tokenHash, Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """).params(id, familyId, userId, tokenHash, now.toEpochMilli(), expiresAt.toEpochMilli()).update();
    }

    Optional<StoredToken> findByHash(String tokenHash) {
        return jdbc.sql("SELECT * FROM refresh_tokens WHERE token_hash = ?").param(tokenHash)
                .query((rs, n) -> new StoredToken(rs.getLong("id"), rs.getLong("family_id"), rs.getLong("user_id"),
                        Instant.ofEpochMilli(rs.getLong("expires_at")), rs.getObject("used_at") != null,
                        rs.getInt("revoked") != 0))
                .optional();
    }

    /** Marks the token used; false when another request used it first (a replay race). */
    boolean markUsed(long id, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL AND revoked = 0")
                .params(now.toEpochMilli(), id).update() == 1;
    }

    void revokeFamily(long familyId) {
        jdbc.sql("UPDATE refresh_tokens SET revoked = 1 WHERE family_id = ?").param(familyId).update();
    }

    void deleteExpired(Instant now) {
        jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < ?").param(now.toEpochMilli()).update();
    }
}
