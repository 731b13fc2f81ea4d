package dev.marquee.platform.social.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.platform.testing.Databases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class SocialRepositoryTest {
    @TempDir
    Path tmp;

    private static JdbcClient seed(HikariDataSource ds, int users) {
        JdbcClient jdbc = JdbcClient.create(ds);
        for (int u = 1; u <= users; u++) {
            jdbc.sql("INSERT INTO users (id, username, username_key, password_hash, role, created_at) VALUES (?, ?, ?, 'h', 'user', 0)")
                    .params(u, "User" + u, "user" + u).update();
        }
        return jdbc;
    }

    private static void video(JdbcClient jdbc, long id, long owner, String visibility, String state, long publishedAt) {
        jdbc.sql("INSERT INTO videos (id, owner_id, title, description, tags, visibility, state, created_at, published_at, renditions) "
                + "VALUES (?, ?, ?, '', '[]', ?, ?, 0, ?, '[]')").params(id, owner, "v" + id, visibility, state, publishedAt).update();
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void aVideoIsLikedOncePerUserAndCanBeUnliked(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            JdbcClient jdbc = seed(ds, 3);
            video(jdbc, 100, 1, "public", "ready", 1);
            VideoLikeRepository likes = new VideoLikeRepository(jdbc);
            assertThat(likes.like(100, 2, Instant.EPOCH)).isTrue();
            assertThat(likes.like(100, 2, Instant.EPOCH)).isFalse();
            likes.like(100, 3, Instant.EPOCH);
            assertThat(likes.count(100)).isEqualTo(2);
            assertThat(likes.liked(100, 2)).isTrue();
            assertThat(likes.unlike(100, 2)).isTrue();
            assertThat(likes.unlike(100, 2)).isFalse();
            assertThat(likes.liked(100, 2)).isFalse();
            assertThat(likes.count(100)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void subscribersSeeTheNewestPublicReadyVideosOfTheirChannels(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            JdbcClient jdbc = seed(ds, 3);
            SubscriptionRepository subs = new SubscriptionRepository(jdbc);
            assertThat(subs.subscribe(3, 1, Instant.ofEpochMilli(5))).isTrue();
            assertThat(subs.subscribe(3, 1, Instant.ofEpochMilli(6))).isFalse();
            subs.subscribe(3, 2, Instant.ofEpochMilli(7));
            subs.subscribe(2, 1, Instant.ofEpochMilli(8));
            assertThat(subs.subscribers(1)).isEqualTo(2);
            assertThat(subs.subscribed(3, 1)).isTrue();
            assertThat(subs.channelsOf(3)).extracting(SubscriptionRepository.Followed::username).containsExactly("User1", "User2");
            video(jdbc, 10, 1, "public", "ready", 10);
            video(jdbc, 11, 2, "public", "ready", 30);
            video(jdbc, 12, 1, "private", "ready", 40);
            video(jdbc, 13, 1, "unlisted", "ready", 50);
            video(jdbc, 14, 1, "public", "processing", 60);
            video(jdbc, 15, 1, "public", "ready", 20);
            assertThat(subs.newestVideoIds(3, 10)).containsExactly(11L, 15L, 10L);
            assertThat(subs.newestVideoIds(2, 10)).containsExactly(15L, 10L);
            assertThat(subs.unsubscribe(3, 2)).isTrue();
            assertThat(subs.unsubscribe(3, 2)).isFalse();
            assertThat(subs.newestVideoIds(3, 10)).containsExactly(15L, 10L);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void oneStatementNotifiesEverySubscriberWhoThenReadsThem(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            JdbcClient jdbc = seed(ds, 60);
            SubscriptionRepository subs = new SubscriptionRepository(jdbc);
            for (int u = 2; u <= 60; u++) subs.subscribe(u, 1, Instant.EPOCH);
            video(jdbc, 100, 1, "public", "ready", 1);
            NotificationRepository notifications = new NotificationRepository(jdbc);
            assertThat(notifications.fanOutVideo(1000, 1, 100, "New video", Instant.ofEpochMilli(10))).isEqualTo(59);
            assertThat(notifications.fanOutLive(1001, 1, "On air", Instant.ofEpochMilli(20))).isEqualTo(59);
            assertThat(notifications.fanOutLive(1002, 2, "Nobody follows me", Instant.ofEpochMilli(30))).isZero();

            List<NotificationRepository.Notification> page = notifications.list(5, null, 1);
            assertThat(page).hasSize(1);
            NotificationRepository.Notification live = page.getFirst();
            assertThat(live.kind()).isEqualTo("live");
            assertThat(live.videoId()).isNull();
            assertThat(live.channelName()).isEqualTo("User1");
            assertThat(live.read()).isFalse();
            NotificationRepository.Notification video = notifications.list(5, live.eventId(), 10).getFirst();
            assertThat(video.kind()).isEqualTo("video");
            assertThat(video.videoId()).isEqualTo(100L);
            assertThat(video.title()).isEqualTo("New video");

            assertThat(notifications.unread(5)).isEqualTo(2);
            notifications.markRead(5, List.of(1000L), Instant.ofEpochMilli(40));
            assertThat(notifications.unread(5)).isEqualTo(1);
            notifications.markAllRead(5, Instant.ofEpochMilli(50));
            assertThat(notifications.unread(5)).isZero();
            assertThat(notifications.unread(6)).isEqualTo(2);
            jdbc.sql("DELETE FROM videos WHERE id = 100").update();
            assertThat(notifications.list(6, null, 10)).extracting(NotificationRepository.Notification::kind).containsExactly("live");
        }
    }
}
