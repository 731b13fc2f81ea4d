package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Transcoding survives a crash of the server, and a failing ffmpeg is retried and then reported. */
class TranscodeRecoveryIT {
    static final JsonMapper JSON = JsonMapper.builder().build();
    final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void aJobInterruptedByKillMinus9CompletesAfterARestart() throws Exception {
        Path data = tmp.resolve("data");
        int httpPort = RunningMarquee.freePort(), mediaPort = RunningMarquee.freePort();
        String base = "http://127.0.0.1:" + httpPort;
        Path clip = Clips.make(tmp, "long.mp4", 1280, 720, 40, true);

        MarqueeProcess first = MarqueeProcess.start(data, httpPort, mediaPort, tmp.resolve("first.log"));
        String token = signUp(base, "crashy");
        JsonNode created = post(base + "/api/v1/videos", Map.of("title", "Survives a crash"), token);
        String id = created.get("id").asString();
        new TusUpload(token).send(created.get("upload").asString(), clip, 8 * 1024 * 1024);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (video(base, id, token).get("progress").asInt() < 5) {
            assertThat(System.nanoTime()).as("transcoding never started").isLessThan(deadline);
            Thread.sleep(200);
        }
        List<ProcessHandle> ffmpeg = first.kill();
        assertThat(ffmpeg).as("ffmpeg was running").isNotEmpty();
        // Its ffmpeg notices the dead parent (its progress pipe breaks) and stops too.
        for (ProcessHandle child : ffmpeg) {
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (child.isAlive() && System.nanoTime() < until) Thread.sleep(100);
            if (child.isAlive()) child.destroyForcibly();
            assertThat(child.isAlive()).isFalse();
        }

        MarqueeProcess second = MarqueeProcess.start(data, httpPort, mediaPort, tmp.resolve("second.log"));
        try {
            JsonNode done = awaitDone(base, id, token, Duration.ofSeconds(240));
            assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("ready");
            assertThat(done.get("durationSeconds").asDouble()).isBetween(39.0, 41.0);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(done.get("hlsUrl").asString())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        } finally {
            second.stop();
        }
    }

    @Test
    void aFailingFfmpegIsRetriedWithBackoffThenTheVideoFailsWithTheReason() throws Exception {
        // An ffmpeg that probes fine but breaks on every transcode, as a bad codec build or full disk would.
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fake = bin.resolve("ffmpeg");
        Files.writeString(fake, """
                #!/bin/sh
                for a in "$@"; do [ "$a" = "-filter_complex" ] && { echo "$(date +%s%N)" >> "$(dirname "$0")/attempts"; echo "Conversion failed: simulated encoder crash" >&2; exit 1; }; done
                exec ffmpeg "$@"
                """);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(bin.resolve("ffprobe"), Path.of(which("ffprobe")));
        Path data = tmp.resolve("data");
        int httpPort = RunningMarquee.freePort(), mediaPort = RunningMarquee.freePort();
        String base = "http://127.0.0.1:" + httpPort;
        MarqueeProcess server = MarqueeProcess.start(data, httpPort, mediaPort, tmp.resolve("retry.log"),
                "--marquee.ffmpeg-dir=" + bin, "--marquee.transcode-retries=2", "--marquee.transcode-retry-base-delay=500ms");
        try {
            String token = signUp(base, "unlucky");
            JsonNode created = post(base + "/api/v1/videos", Map.of("title", "Never encodes"), token);
            new TusUpload(token).send(created.get("upload").asString(), Clips.make(tmp, "ok.mp4", 320, 240, 2, true), 1 << 20);
            JsonNode done = awaitDone(base, created.get("id").asString(), token, Duration.ofSeconds(120));
            assertThat(done.get("state").asString()).isEqualTo("failed");
            assertThat(done.get("error").asString()).contains("3 attempts").contains("simulated encoder crash");
            assertThat(Files.readAllLines(bin.resolve("attempts"))).hasSize(3);
        } finally {
            server.stop();
        }
    }

    private static String which(String tool) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "command -v " + tool).start();
        return new String(p.getInputStream().readAllBytes()).trim();
    }

    private JsonNode awaitDone(String base, String id, String token, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode v = video(base, id, token);
        while (System.nanoTime() < deadline) {
            v = video(base, id, token);
            String state = v.get("state").asString();
            if (state.equals("ready") || state.equals("failed")) return v;
            Thread.sleep(500);
        }
        throw new AssertionError("not done in time: " + v);
    }

    private JsonNode video(String base, String id, String token) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/videos/" + id))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private String signUp(String base, String name) throws Exception {
        post(base + "/api/v1/users", Map.of("username", name, "password", "password-123"), null);
        return post(base + "/api/v1/auth/token", Map.of("username", name, "password", "password-123"), null)
                .get("accessToken").asString();
    }

    private JsonNode post(String url, Object body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return JSON.readTree(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}
