package dev.marquee.app;

import dev.marquee.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A whole Marquee (both planes) on free loopback ports with its own data directory, for integration tests. */
final class RunningMarquee implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();

    final int httpPort;
    final int mediaPort;
    final int rtmpPort;
    final Path dataDir;
    final ConfigurableApplicationContext context;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RunningMarquee(Path dataDir, String... extraSettings) {
        this.dataDir = dataDir;
        this.httpPort = freePort();
        this.mediaPort = freePort();
        this.rtmpPort = freePort();
        List<String> args = new ArrayList<>(List.of("--marquee.data-dir=" + dataDir, "--marquee.http-port=" + httpPort,
                "--marquee.media-port=" + mediaPort, "--marquee.rtmp-port=" + rtmpPort, "--marquee.view-flush-interval=1s"));
        args.addAll(List.of(extraSettings));
        this.context = new SpringApplication(Platform.class, MediaPlane.class).run(args.toArray(String[]::new));
    }

    String base() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** A JSON call; the body may be a Map, a String of raw bytes to send as-is, or null. */
    Response call(String method, String path, Object body, String token) {
        try {
            String raw = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base() + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, raw == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(raw));
            if (raw != null) b.header("Content-Type", "application/json");
            if (token != null) b.header("Authorization", "Bearer " + token);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body, Map<String, List<String>> headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** Registers a user and signs in; returns the access token. */
    String signUp(String username) {
        call("POST", "/api/v1/users", Map.of("username", username, "password", "correct horse"), null);
        return call("POST", "/api/v1/auth/token", Map.of("username", username, "password", "correct horse"), null)
                .json().get("accessToken").asString();
    }

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A free port never handed out before in this JVM, so two servers of one test run never meet on one. */
    static int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) return s.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no fresh free port after 100 tries");
    }

    @Override
    public void close() {
        context.close();
    }
}
