package dev.marquee.bench.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Registers the sender accounts through the public API and signs them in (a few at a time: Argon2 is slow on purpose). */
final class BenchAccounts {
    private static final Pattern ACCESS = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final String PASSWORD = "bench-password-1";

    private BenchAccounts() {}

    static List<String> tokens(String site, String prefix, int count, int parallel) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel)) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + i;
                futures.add(pool.submit(() -> token(http, site, name)));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : futures) tokens.add(f.get());
            return tokens;
        }
    }

    private static String token(HttpClient http, String site, String name) throws Exception {
        String body = "{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}";
        HttpResponse<String> created = post(http, site + "/api/v1/users", body);
        if (created.statusCode() != 201 && created.statusCode() != 409)
            throw new IllegalStateException("POST /api/v1/users for " + name + ": " + created.statusCode() + " " + created.body());
        HttpResponse<String> pair = post(http, site + "/api/v1/auth/token", body);
        Matcher m = ACCESS.matcher(pair.body());
        if (pair.statusCode() != 200 || !m.find())
            throw new IllegalStateException("POST /api/v1/auth/token for " + name + ": " + pair.statusCode() + " " + pair.body());
        return m.group(1);
    }

    private static HttpResponse<String> post(HttpClient http, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
