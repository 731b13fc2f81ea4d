package dev.marquee.platform.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.platform.account.Role;
import dev.marquee.platform.account.User;
import dev.marquee.platform.testing.Databases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccountRepositoriesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void firstUserIsAdminAndNamesAreUniqueIgnoringCase(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            UserRepository users = new UserRepository(JdbcClient.create(ds));
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            User first = users.insert(1, "Alice", null, "h1", now).orElseThrow();
            User second = users.insert(2, "bob", "bob@example.com", "h2", now).orElseThrow();
            assertThat(first.role()).isEqualTo(Role.ADMIN);
            assertThat(second.role()).isEqualTo(Role.USER);
            assertThat(users.insert(3, "ALICE", null, "h3", now)).isEmpty();
            assertThat(users.findByUsername("alice")).map(User::id).contains(1L);
            assertThat(users.passwordHash(2)).contains("h2");
            assertThat(users.findById(99)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void aRefreshTokenIsUsedOnceAndItsFamilyCanBeRevoked(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            JdbcClient jdbc = JdbcClient.create(ds);
            new UserRepository(jdbc).insert(1, "carol", null, "h", Instant.now());
            RefreshTokenRepository tokens = new RefreshTokenRepository(jdbc);
            Instant now = Instant.now();
            tokens.insert(10, 100, 1, "hash-a", now, now.plusSeconds(60));
            tokens.insert(11, 100, 1, "hash-b", now, now.plusSeconds(60));
            var a = tokens.findByHash("hash-a").orElseThrow();
            assertThat(tokens.markUsed(a.id(), now)).isTrue();
            assertThat(tokens.markUsed(a.id(), now)).isFalse();
            tokens.revokeFamily(100);
            Optional<RefreshTokenRepository.StoredToken> b = tokens.findByHash("hash-b");
            assertThat(b).get().extracting(RefreshTokenRepository.StoredToken::revoked).isEqualTo(true);
            tokens.deleteExpired(now.plusSeconds(120));
            assertThat(tokens.findByHash("hash-a")).isEmpty();
        }
    }
}
