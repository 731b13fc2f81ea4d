package dev.marquee.platform.account.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marquee.platform.web.ProblemException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per client IP and per username, so guessing passwords is slow from one
 * place and against one account; a successful sign-in costs nothing.
 */
@Component
class LoginRateLimiter {
    private final Cache<String, Bucket> byIp = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();
    private final Cache<String, Bucket> byName = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();

    /** Refuses with 429 and Retry-After when either limit is spent. */
    void checkAllowed(String ip, String username) {
        check(byIp.get(ip, k -> perIp()));
        check(byName.get(nameKey(username), k -> perName()));
    }

    void recordFailure(String ip, String username) {
        byIp.get(ip, k -> perIp()).tryConsume(1);
        byName.get(nameKey(username), k -> perName()).tryConsume(1);
    }

    private static void check(Bucket bucket) {
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        if (!probe.canBeConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw ProblemException.tooManyRequests("Too many failed sign-ins. Try again in " + seconds + " s.", seconds);
        }
    }

    private static String nameKey(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    private static Bucket perIp() {
        return bucket(() -> Bandwidth.builder().capacity(20).refillGreedy(20, Duration.ofMinutes(1)).build());
    }

    private static Bucket perName() {
        return bucket(() -> Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofMinutes(5)).build());
    }

    private static Bucket bucket(Supplier<Bandwidth> limit) {
        return Bucket.builder().addLimit(limit.get()).build();
    }
}
