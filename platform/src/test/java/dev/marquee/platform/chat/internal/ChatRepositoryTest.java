package dev.marquee.platform.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.platform.chat.ChatMessage;
import dev.marquee.platform.testing.Databases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class ChatRepositoryTest {
    @TempDir
    Path tmp;

    private static ChatRepository repository(HikariDataSource ds) {
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("INSERT INTO users (id, username, username_key, password_hash, role, created_at) VALUES (1, 'Streamer', 'streamer', 'h', 'admin', 0)").update();
        jdbc.sql("INSERT INTO users (id, username, username_key, password_hash, role, created_at) VALUES (2, 'fan', 'fan', 'h', 'user', 0)").update();
        return new ChatRepository(jdbc);
    }

    private static ChatMessage line(long id, long session, long streamTime, String text) {
        return new ChatMessage(id, 1, session, 2, "fan", text, streamTime, Instant.ofEpochMilli(1000 + id));
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void recentLinesComeOldestFirstWithoutDeletedOnes(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            ChatRepository chats = repository(ds);
            for (long id = 10; id < 70; id++) chats.insert(line(id, 7, id * 100, "line " + id));
            assertThat(chats.delete(1, 69, Instant.ofEpochMilli(9))).isTrue();
            assertThat(chats.delete(1, 69, Instant.ofEpochMilli(9))).isFalse(); // already gone
            assertThat(chats.delete(2, 68, Instant.ofEpochMilli(9))).isFalse(); // another channel's id space
            List<ChatMessage> recent = chats.recent(1, 50);
            assertThat(recent).hasSize(50);
            assertThat(recent.getFirst().id()).isEqualTo(19);
            assertThat(recent.getLast().id()).isEqualTo(68);
            assertThat(recent.getLast()).isEqualTo(line(68, 7, 6800, "line 68"));
            assertThat(chats.find(69)).isEmpty();
            assertThat(chats.find(68)).contains(line(68, 7, 6800, "line 68"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void aSessionsLinesAreInStreamTimeOrder(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            ChatRepository chats = repository(ds);
            chats.insert(line(3, 7, 5000, "late"));
            chats.insert(line(4, 7, 1000, "early"));
            chats.insert(line(5, 8, 10, "other session"));
            chats.insert(line(6, 7, 3000, "deleted"));
            chats.delete(1, 6, Instant.EPOCH);
            assertThat(chats.ofSession(7)).extracting(ChatMessage::text).containsExactly("early", "late");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void slowModeDefaultsToOffAndIsReplaced(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            ChatRepository chats = repository(ds);
            assertThat(chats.slowModeSeconds(1)).isZero();
            chats.setSlowModeSeconds(1, 30, Instant.EPOCH);
            chats.setSlowModeSeconds(1, 45, Instant.EPOCH);
            assertThat(chats.slowModeSeconds(1)).isEqualTo(45);
            assertThat(chats.slowModeSeconds(2)).isZero();
        }
    }
}
