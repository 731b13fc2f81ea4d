package dev.marquee.platform.community.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.account.Role;
import dev.marquee.platform.community.Ban;
import dev.marquee.platform.community.Bans;
import dev.marquee.platform.community.PostKind;
import dev.marquee.platform.community.Poster;
import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.web.ProblemException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class DefaultPostGuardTest {
    private static final long CHANNEL = 42;
    private final List<Ban> bans = new ArrayList<>();
    private final Bans banList = new Bans() {
        @Override
        public void ban(long channelId, long userId, Instant until, long byUserId) {
            bans.add(new Ban(channelId, userId, until, byUserId, Instant.EPOCH));
        }

        @Override
        public void lift(long channelId, long userId) {
            bans.removeIf(b -> b.channelId() == channelId && b.userId() == userId);
        }

        @Override
        public Optional<Ban> activeBan(long channelId, long userId) {
            return bans.stream().filter(b -> b.userId() == userId && (b.channelId() == channelId || b.channelId() == SITE)).findFirst();
        }

        @Override
        public List<Ban> activeBans(long channelId) {
            return bans.stream().filter(b -> b.channelId() == channelId).toList();
        }
    };
    private final DefaultPostGuard guard = new DefaultPostGuard(banList, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
            new MarqueeProperties(Path.of("data"), null, 0, 0, 0, null, null, 0, null, null, null, "s", null, null, 0,
                    null, null, null, null, null, null, 30, null, null, null));

    private static Poster poster(long id, String ip) {
        return new Poster(new CurrentUser(id, "user" + id, Role.USER), ip);
    }

    @Test
    void theSameTextTwiceIsRefusedButNewTextPasses() {
        guard.admit(poster(1, "10.0.0.1"), PostKind.CHAT, CHANNEL, "hello");
        assertThatThrownBy(() -> guard.admit(poster(1, "10.0.0.1"), PostKind.CHAT, CHANNEL, "HELLO "))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(p.retryAfterSeconds()).isPositive();
                });
        guard.admit(poster(1, "10.0.0.1"), PostKind.CHAT, CHANNEL, "hello again");
        guard.admit(poster(2, "10.0.0.2"), PostKind.CHAT, CHANNEL, "hello"); // someone else may say it
    }

    @Test
    void anAccountPostingFasterThanItsLimitGets429WithRetryAfter() {
        for (int i = 0; i < 5; i++) guard.admit(poster(3, "10.0.0.3"), PostKind.COMMENT, CHANNEL, "comment " + i);
        assertThatThrownBy(() -> guard.admit(poster(3, "10.0.0.3"), PostKind.COMMENT, CHANNEL, "one more"))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                    assertThat(p.retryAfterSeconds()).isBetween(1L, 60L);
                });
        guard.admit(poster(3, "10.0.0.3"), PostKind.DANMAKU, CHANNEL, "other kinds have their own budget");
    }

    @Test
    void oneAddressPostingForManyAccountsHitsThePerAddressLimit() {
        for (int i = 0; i < 30; i++) guard.admit(poster(100 + i, "10.9.9.9"), PostKind.CHAT, CHANNEL, "hi " + i);
        assertThatThrownBy(() -> guard.admit(poster(200, "10.9.9.9"), PostKind.CHAT, CHANNEL, "hi 31"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("Too many chat messages");
        guard.admit(poster(200, "10.9.9.8"), PostKind.CHAT, CHANNEL, "from elsewhere");
    }

    @Test
    void aBanOnTheChannelOrTheSiteIs403AndATimeoutSaysUntilWhen() {
        banList.ban(CHANNEL, 5, null, 42);
        assertThatThrownBy(() -> guard.admit(poster(5, "10.0.0.5"), PostKind.COMMENT, CHANNEL, "let me in"))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN))
                .hasMessageContaining("banned from posting on this channel");
        guard.admit(poster(5, "10.0.0.5"), PostKind.COMMENT, CHANNEL + 1, "another channel is fine");
        banList.ban(Bans.SITE, 6, Instant.parse("2026-01-01T00:10:00Z"), 1);
        assertThatThrownBy(() -> guard.admit(poster(6, "10.0.0.6"), PostKind.CHAT, CHANNEL, "hi"))
                .hasMessageContaining("timed out on this site until 2026-01-01T00:10:00Z");
    }

    @Test
    void aPostRefusedForSpeedIsNotRememberedAsSent() {
        for (int i = 0; i < 5; i++) guard.admit(poster(7, "10.0.0.7"), PostKind.COMMENT, CHANNEL, "comment " + i);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> guard.admit(poster(7, "10.0.0.7"), PostKind.COMMENT, CHANNEL, "patience"))
                    .as("refused for speed, not as a repeat of a post that never went out")
                    .hasMessageContaining("Too many comments");
        }
    }
}
