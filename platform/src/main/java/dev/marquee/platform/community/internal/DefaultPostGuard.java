package dev.marquee.platform.community.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marquee.platform.community.Ban;
import dev.marquee.platform.community.Bans;
import dev.marquee.platform.community.PostGuard;
import dev.marquee.platform.community.PostKind;
import dev.marquee.platform.community.Poster;
import dev.marquee.platform.community.UserText;
import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.web.ProblemException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Bans first (they are final), then the same-text check (it costs no tokens), then the rate buckets: one per
 * account and one per address for each kind of post. Buckets live in memory, per node.
 */
@Component
class DefaultPostGuard implements PostGuard {
    /** The same text from the same sender is refused for this long. */
    static final Duration REPEAT_WINDOW = Duration.ofSeconds(30);

    private record Limit(int burst, Duration per) {}

    private static final Map<PostKind, Limit> PER_USER = new EnumMap<>(Map.of(
            PostKind.COMMENT, new Limit(5, Duration.ofMinutes(1)),
            PostKind.DANMAKU, new Limit(10, Duration.ofSeconds(30)),
            PostKind.CHAT, new Limit(10, Duration.ofSeconds(10))));

    private final Bans bans;
    private final Clock clock;
    private final int perIpPerMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Cache<String, Instant> recentTexts = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(REPEAT_WINDOW).build();

    DefaultPostGuard(Bans bans, Clock clock, MarqueeProperties props) {
        this.bans = bans;
        this.clock = clock;
        this.perIpPerMinute = props.postsPerMinutePerIp();
    }

    @Override
    public void admit(Poster poster, PostKind kind, long channelId, String text) {
        refuseIfBanned(poster.userId(), channelId);
        String key = kind + ":" + poster.userId() + ":" + UserText.fingerprint(text);
        Instant now = clock.instant();
        Instant before = recentTexts.asMap().putIfAbsent(key, now);
        if (before != null) {
            long wait = Math.max(1, REPEAT_WINDOW.minus(Duration.between(before, now)).toSeconds());
            throw new ProblemException(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "Repeated message",
                    "You just sent the same text. Wait " + wait + " s or write something new.", wait);
        }
        try {
            consume(bucket("u:" + kind + ":" + poster.userId(), PER_USER.get(kind)), kind);
            consume(bucket("ip:" + kind + ":" + poster.ip(), new Limit(perIpPerMinute, Duration.ofMinutes(1))), kind);
        } catch (ProblemException refused) {
            recentTexts.invalidate(key); // a refused post was not sent: the same text may come again later
            throw refused;
        }
    }

    private void refuseIfBanned(long userId, long channelId) {
        Ban ban = bans.activeBan(channelId, userId).orElse(null);
        if (ban == null) return;
        String where = ban.channelId() == Bans.SITE ? "this site" : "this channel";
        throw ProblemException.forbidden(ban.isPermanent()
                ? "You are banned from posting on " + where + "."
                : "You are timed out on " + where + " until " + ban.until() + ".");
    }

    private Bucket bucket(String key, Limit limit) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst()).refillGreedy(limit.burst(), limit.per()).build())
                .build());
    }

    private static void consume(Bucket bucket, PostKind kind) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return;
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        throw ProblemException.tooManyRequests("Too many " + kind.plural() + ". Try again in " + seconds + " s.", seconds);
    }
}
