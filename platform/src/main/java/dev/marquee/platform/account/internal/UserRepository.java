package dev.marquee.platform.account.internal;

import dev.marquee.platform.account.Role;
import dev.marquee.platform.account.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {
    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the user; the very first account becomes admin. Empty when the name is taken. */
    Optional<User> insert(long id, String username, String email, String passwordHash, Instant now) {
        int rows = jdbc.sql("""
                INSERT INTO users (id, username, username_key, email, password_hash, role, created_at)
                SELECT :id, :username, :key, :email, :hash,
                       CASE WHEN EXISTS (SELECT 1 FROM users) THEN 'user' ELSE 'admin' END, :now
                ON CONFLICT (username_key) DO NOTHING
                """)
                .param("id", id).param("username", username).param("key", key(username))
                .param("email", email).param("hash", passwordHash).param("now", now.toEpochMilli())
                .update();
        return rows == 0 ? Optional.empty() : findById(id);
    }

    Optional<User> findById(long id) {
        return jdbc.sql("SELECT * FROM users WHERE id = ?").param(id).query(UserRepository::map).optional();
    }

    Optional<User> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM users WHERE username_key = ?").param(key(username)).query(UserRepository::map).optional();
    }

    Optional<String> passwordHash(long userId) {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(userId).query(String.class).optional();
    }

    static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static User map(ResultSet rs, int row) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
                Role.fromWire(rs.getString("role")), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
