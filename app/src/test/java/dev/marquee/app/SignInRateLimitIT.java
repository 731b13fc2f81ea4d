package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guessing passwords across many accounts from one address is slowed down too. */
class SignInRateLimitIT {
    @TempDir
    static Path data;
    static RunningMarquee site;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void oneAddressGuessingManyAccountsGets429WithRetryAfter() {
        site.signUp("victim");
        RunningMarquee.Response last = null;
        for (int i = 0; i < 25; i++) {
            last = site.call("POST", "/api/v1/auth/token", Map.of("username", "user" + i, "password", "guess-" + i), null);
            if (last.status() == 429) break;
            assertThat(last.status()).isEqualTo(401);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).matches("\\d+");
        // Even the right password waits now, from this address.
        assertThat(site.call("POST", "/api/v1/auth/token", Map.of("username", "victim", "password", "correct horse"), null)
                .status()).isEqualTo(429);
    }
}
