package dev.marquee.platform.danmaku.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.platform.testing.Databases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class DanmakuRepositoryTest {
    @TempDir
    Path tmp;

    private static DanmakuRepository repository(HikariDataSource ds) {
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("INSERT INTO users (id, username, username_key, password_hash, role, created_at) VALUES (1, 'Dana', 'dana', 'h', 'user', 0)").update();
        jdbc.sql("INSERT INTO videos (id, owner_id, title, description, tags, visibility, state, created_at, renditions) "
                + "VALUES (5, 1, 't', '', '[]', 'public', 'ready', 0, '[]')").update();
        return new DanmakuRepository(jdbc);
    }

    private static Danmaku at(long id, long timeMs, String text) {
        return new Danmaku(id, 5, timeMs, text, DanmakuMode.SCROLL, 0xffffff, DanmakuSize.NORMAL, "abcd1234", 1L, id);
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void aSliceHoldsItsSixMinutesInPlaybackOrder(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            DanmakuRepository repo = repository(ds);
            repo.insert(at(10, 5_000, "second"));
            repo.insert(at(11, 1_000, "first"));
            repo.insert(at(12, 359_999, "last of slice 0"));
            repo.insert(new Danmaku(13, 5, 360_000, "slice 1", DanmakuMode.TOP, 0x00ff00, DanmakuSize.LARGE, "ffff0000", null, 13));
            assertThat(repo.slice(5, 0, 3000)).extracting(Danmaku::text).containsExactly("first", "second", "last of slice 0");
            Danmaku next = repo.slice(5, 1, 3000).getFirst();
            assertThat(next).isEqualTo(new Danmaku(13, 5, 360_000, "slice 1", DanmakuMode.TOP, 0x00ff00, DanmakuSize.LARGE,
                    "ffff0000", null, 13));
            assertThat(repo.lastSlice(5)).isEqualTo(1);
            assertThat(repo.lastSlice(6)).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void trimmingKeepsTheNewestOfASliceAndLeavesOtherSlicesAlone(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            DanmakuRepository repo = repository(ds);
            for (int i = 1; i <= 8; i++) repo.insert(at(i, 1000L * (9 - i), "n" + i)); // newer ones earlier in the video
            repo.insert(at(100, 400_000, "other slice"));
            assertThat(repo.trim(5, 0, 10)).isZero();
            assertThat(repo.trim(5, 0, 5)).isEqualTo(3);
            assertThat(repo.slice(5, 0, 3000)).extracting(Danmaku::text).containsExactly("n8", "n7", "n6", "n5", "n4");
            assertThat(repo.slice(5, 1, 3000)).extracting(Danmaku::text).containsExactly("other slice");
            assertThat(repo.slice(5, 0, 2)).extracting(Danmaku::text).containsExactly("n8", "n7");
            assertThat(repo.count(5)).isEqualTo(6);
        }
    }
}
