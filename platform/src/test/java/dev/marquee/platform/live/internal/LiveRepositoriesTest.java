package dev.marquee.platform.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.config.Secrets;
import dev.marquee.platform.testing.Databases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class LiveRepositoriesTest {
    @TempDir
    Path tmp;

    private static JdbcClient withUsers(HikariDataSource ds) {
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("INSERT INTO users (id, username, username_key, password_hash, role, created_at) VALUES (1, 'Dana', 'dana', 'h', 'admin', 0)").update();
        jdbc.sql("INSERT INTO users (id, username, username_key, password_hash, role, created_at) VALUES (2, 'eli', 'eli', 'h', 'user', 0)").update();
        return jdbc;
    }

    private DefaultStreamKeyService keys(ChannelRepository channels, String secret) {
        MarqueeProperties props = new MarqueeProperties(tmp, null, 0, 0, 0, null, null, 0, null, null, null, secret,
                null, null, 0, null, null, null, null, null, null, 0, null, null, null);
        return new DefaultStreamKeyService(channels, new Secrets(props), Clock.fixed(Instant.ofEpochMilli(5), ZoneOffset.UTC));
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void aKeyIsMadeOnFirstAskKeptAndReplacedOnRotate(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            ChannelRepository channels = new ChannelRepository(withUsers(ds));
            DefaultStreamKeyService keys = keys(channels, "one secret for the whole site");
            assertThat(channels.findKey(1)).isEmpty();
            String first = keys.currentKey(1);
            assertThat(first).matches("live_[A-Za-z0-9_-]{43}");
            assertThat(keys.currentKey(1)).isEqualTo(first);
            assertThat(keys.currentKey(2)).isNotEqualTo(first);
            assertThat(channels.findKey(1).orElseThrow().keyHash()).isEqualTo(DefaultStreamKeyService.sha256(first))
                    .doesNotContain(first);
            assertThat(keys.ownerOf(first)).contains(1L);

            String second = keys.rotate(1);
            assertThat(second).isNotEqualTo(first);
            assertThat(keys.currentKey(1)).isEqualTo(second);
            assertThat(keys.ownerOf(second)).contains(1L);
            assertThat(keys.ownerOf(first)).isEmpty();
            assertThat(keys.ownerOf("live_" + "x".repeat(43))).isEmpty();
            assertThat(keys.ownerOf(second.substring(5))).isEmpty(); // without its prefix
            assertThat(keys.ownerOf(null)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void aChangedSiteSecretShowsAndOpensANewKey(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            ChannelRepository channels = new ChannelRepository(withUsers(ds));
            String before = keys(channels, "the first site secret").currentKey(1);
            DefaultStreamKeyService after = keys(channels, "a second site secret");
            String now = after.currentKey(1);
            assertThat(now).isNotEqualTo(before);
            assertThat(after.ownerOf(now)).contains(1L);
            assertThat(after.ownerOf(before)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void theNextTitleIsSetAndReplaced(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            ChannelRepository channels = new ChannelRepository(withUsers(ds));
            assertThat(channels.nextTitle(1)).isEmpty();
            channels.setNextTitle(1, "Speedrun night", Instant.ofEpochMilli(1));
            channels.setNextTitle(1, "Speedrun night 2", Instant.ofEpochMilli(2));
            assertThat(channels.nextTitle(1)).contains("Speedrun night 2");
            assertThat(channels.nextTitle(2)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void replaysAreSavedUntilTurnedOffAndTheSwitchLeavesTheTitleAlone(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            ChannelRepository channels = new ChannelRepository(withUsers(ds));
            assertThat(channels.savesReplays(1)).isTrue();
            channels.setSaveReplays(1, false, Instant.ofEpochMilli(1));
            assertThat(channels.savesReplays(1)).isFalse();
            assertThat(channels.nextTitle(1)).as("no title was set").isEmpty();
            channels.setNextTitle(1, "Quiet night", Instant.ofEpochMilli(2));
            assertThat(channels.savesReplays(1)).as("setting a title keeps the switch").isFalse();
            channels.setSaveReplays(1, true, Instant.ofEpochMilli(3));
            assertThat(channels.savesReplays(1)).isTrue();
            assertThat(channels.nextTitle(1)).contains("Quiet night");
            assertThat(channels.savesReplays(2)).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void aSessionIsOpenWhileLiveAndClosedOnceWithItsPeak(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            LiveSessionRepository sessions = new LiveSessionRepository(withUsers(ds));
            sessions.insert(10, 1, "First", Instant.ofEpochMilli(1000));
            assertThat(sessions.find(10).orElseThrow().endedAt()).isNull();
            assertThat(sessions.end(10, Instant.ofEpochMilli(5000), 42)).isTrue();
            assertThat(sessions.end(10, Instant.ofEpochMilli(6000), 99)).isFalse();
            LiveSessionRepository.Session done = sessions.find(10).orElseThrow();
            assertThat(done.endedAt()).isEqualTo(Instant.ofEpochMilli(5000));
            assertThat(done.peakViewers()).isEqualTo(42);
            assertThat(done.title()).isEqualTo("First");

            // A server stopped mid-stream left session 11 open: the user's next start closes it.
            sessions.insert(11, 1, "Lost", Instant.ofEpochMilli(7000));
            sessions.insert(12, 2, "Someone else's", Instant.ofEpochMilli(7000));
            assertThat(sessions.closeOpen(1, Instant.ofEpochMilli(9000))).isEqualTo(1);
            assertThat(sessions.find(11).orElseThrow().endedAt()).isEqualTo(Instant.ofEpochMilli(9000));
            assertThat(sessions.find(12).orElseThrow().endedAt()).isNull();
            assertThat(sessions.ofUser(1, 10)).extracting(LiveSessionRepository.Session::id).containsExactly(11L, 10L);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void aSessionIsLinkedToItsReplayOnce(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            LiveSessionRepository sessions = new LiveSessionRepository(withUsers(ds));
            sessions.insert(20, 1, "Replayed", Instant.ofEpochMilli(1000));
            assertThat(sessions.replayOf(20)).isEmpty();
            assertThat(sessions.linkReplay(20, 555)).isTrue();
            assertThat(sessions.linkReplay(20, 556)).isFalse();
            assertThat(sessions.replayOf(20)).contains(555L);
            assertThat(sessions.linkReplay(21, 555)).isFalse(); // no such session
        }
    }
}
