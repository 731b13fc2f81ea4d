package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The account calls of API.md, exactly as written, against a running Marquee. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountApiIT {
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

    private static RunningMarquee.Response post(String path, Map<String, ?> body) {
        return site.call("POST", path, body, null);
    }

    @Test
    @Order(1) // the first account of a site is its admin
    void registerSignInAndAskWhoIAm() {
        var created = post("/api/v1/users", Map.of("username", "founder", "password", "s3cret-pass", "email", "f@example.com"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asString()).matches("[A-Za-z0-9_-]{11}");
        assertThat(created.json().get("username").asString()).isEqualTo("founder");

        var tokens = post("/api/v1/auth/token", Map.of("username", "founder", "password", "s3cret-pass"));
        assertThat(tokens.status()).isEqualTo(200);
        JsonNode pair = tokens.json();
        assertThat(pair.get("expiresIn").asLong()).isBetween(60L, 900L);
        assertThat(pair.get("refreshToken").asString()).isNotBlank();

        var me = site.call("GET", "/api/v1/users/me", null, pair.get("accessToken").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(created.json().get("id").asString());
        assertThat(me.json().get("role").asString()).isEqualTo("admin"); // the first account
        assertThat(me.header("Set-Cookie")).as("an API answer starts no page session").isNull();

        post("/api/v1/users", Map.of("username", "second", "password", "s3cret-pass"));
        String second = post("/api/v1/auth/token", Map.of("username", "second", "password", "s3cret-pass"))
                .json().get("accessToken").asString();
        assertThat(site.call("GET", "/api/v1/users/me", null, second).json().get("role").asString()).isEqualTo("user");
    }

    @Test
    void takenAndInvalidNamesAreRefused() {
        assertThat(post("/api/v1/users", Map.of("username", "taken", "password", "long-enough")).status()).isEqualTo(201);
        var again = post("/api/v1/users", Map.of("username", "TAKEN", "password", "long-enough"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(post("/api/v1/users", Map.of("username", "a b", "password", "long-enough")).status()).isEqualTo(400);
        assertThat(post("/api/v1/users", Map.of("username", "shortpw", "password", "123")).status()).isEqualTo(400);
        assertThat(post("/api/v1/users", Map.of("username", "x".repeat(31), "password", "long-enough")).status()).isEqualTo(400);
        var reserved = post("/api/v1/users", Map.of("username", "Key", "password", "long-enough"));
        assertThat(reserved.status()).as("/api/v1/live/key is a route, not a channel").isEqualTo(409);
        assertThat(reserved.json().get("detail").asString()).contains("reserved");
        assertThat(post("/api/v1/users", Map.of("username", "title", "password", "long-enough")).status()).isEqualTo(409);
        assertThat(post("/api/v1/users", Map.of("username", "Settings", "password", "long-enough")).status()).isEqualTo(409);
        assertThat(post("/api/v1/users", Map.of("username", "replays", "password", "long-enough")).status()).isEqualTo(409);
        assertThat(post("/api/v1/users", Map.of("username", "Ingest", "password", "long-enough")).status()).isEqualTo(409);
    }

    @Test
    void wrongCredentialsAre401() {
        post("/api/v1/users", Map.of("username", "carol", "password", "right-password"));
        assertThat(post("/api/v1/auth/token", Map.of("username", "carol", "password", "wrong-password")).status()).isEqualTo(401);
        assertThat(post("/api/v1/auth/token", Map.of("username", "nobody", "password", "whatever1")).status()).isEqualTo(401);
    }

    @Test
    void refreshRotatesAndReplayingARotatedTokenEndsTheFamily() {
        post("/api/v1/users", Map.of("username", "dave", "password", "right-password"));
        JsonNode first = post("/api/v1/auth/token", Map.of("username", "dave", "password", "right-password")).json();
        var second = post("/api/v1/auth/refresh", Map.of("refreshToken", first.get("refreshToken").asString()));
        assertThat(second.status()).isEqualTo(200);
        String newRefresh = second.json().get("refreshToken").asString();
        assertThat(newRefresh).isNotEqualTo(first.get("refreshToken").asString());
        assertThat(site.call("GET", "/api/v1/users/me", null, second.json().get("accessToken").asString()).status()).isEqualTo(200);

        // The old token is replayed (stolen?): refused, and the whole family with it.
        assertThat(post("/api/v1/auth/refresh", Map.of("refreshToken", first.get("refreshToken").asString())).status()).isEqualTo(401);
        assertThat(post("/api/v1/auth/refresh", Map.of("refreshToken", newRefresh)).status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSession() {
        post("/api/v1/users", Map.of("username", "erin", "password", "right-password"));
        JsonNode pair = post("/api/v1/auth/token", Map.of("username", "erin", "password", "right-password")).json();
        assertThat(post("/api/v1/auth/logout", Map.of("refreshToken", pair.get("refreshToken").asString())).status()).isEqualTo(204);
        assertThat(post("/api/v1/auth/refresh", Map.of("refreshToken", pair.get("refreshToken").asString())).status()).isEqualTo(401);
    }

    @Test
    void missingTamperedOrForeignTokensAre401() {
        assertThat(site.call("GET", "/api/v1/users/me", null, null).status()).isEqualTo(401);
        String token = site.signUp("frank");
        String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(site.call("GET", "/api/v1/users/me", null, tampered).status()).isEqualTo(401);
        assertThat(site.call("GET", "/api/v1/users/me", null, "not-a-jwt").status()).isEqualTo(401);
        // A token signed with someone else's key (alg none) is refused.
        String none = "eyJhbGciOiJub25lIn0.eyJpc3MiOiJtYXJxdWVlIiwic3ViIjoiQUFBQUFBQUFBQUEiLCJyb2xlIjoiYWRtaW4ifQ.";
        assertThat(site.call("GET", "/api/v1/users/me", null, none).status()).isEqualTo(401);
    }

    @Test
    void repeatedFailedSignInsAreRateLimitedWithRetryAfter() {
        post("/api/v1/users", Map.of("username", "grace", "password", "right-password"));
        int last = 0;
        for (int i = 0; i < 12 && last != 429; i++) {
            last = post("/api/v1/auth/token", Map.of("username", "grace", "password", "wrong-" + i)).status();
        }
        var limited = post("/api/v1/auth/token", Map.of("username", "grace", "password", "right-password"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(limited.json().get("status").asInt()).isEqualTo(429);
    }
}
