package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Danmaku travel over /ws/videos/{id} to every viewer, from REST and from the socket, with java.net.http.WebSocket. */
class DanmakuSocketIT {
    @TempDir
    static Path data;
    static RunningMarquee site;
    static String owner;
    static String viewer;
    static String video;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data);
        owner = site.signUp("sockowner");
        viewer = site.signUp("sockviewer");
        video = DanmakuVideos.ready(site, owner, "public", 120);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** A test client: every text frame lands in a queue as JSON. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Client open(String path, String token) {
            Client c = new Client();
            String q = token == null ? "" : "?access_token=" + token;
            c.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create("ws://127.0.0.1:" + site.httpPort + path + q), c).join();
            // The 101 may reach us before the server has put the socket in its room; a pong proves it is in.
            c.send("{\"type\":\"ping\"}");
            try {
                c.next("pong");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return c;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(RunningMarquee.JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        JsonNode next(String type) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            java.util.List<JsonNode> others = new java.util.ArrayList<>();
            while (System.nanoTime() < deadline) {
                JsonNode f = frames.poll(100, TimeUnit.MILLISECONDS);
                if (f != null && f.get("type").asString().equals(type)) return f;
                if (f != null) others.add(f);
            }
            throw new AssertionError("no " + type + " frame within 5 s; got " + others);
        }

        void send(String json) {
            socket.sendText(json, true).join();
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    @Test
    void aDanmakuPostedByRestReachesAnotherViewerWithinASecond() throws Exception {
        Client guest = Client.open("/ws/videos/" + video, null);
        long start = System.nanoTime();
        var r = site.call("POST", "/api/v1/videos/" + video + "/danmaku",
                Map.of("time", 3.5, "text", "hello from rest", "color", "#ff0000", "mode", "top"), viewer);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode f = guest.next("danmaku");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("REST post to socket delivery (including the POST round trip): " + took.toMillis() + " ms");
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(f.get("id").asString()).isEqualTo(r.json().get("id").asString());
        assertThat(f.get("text").asString()).isEqualTo("hello from rest");
        assertThat(f.get("time").asDouble()).isEqualTo(3.5);
        assertThat(f.get("mode").asString()).isEqualTo("top");
        assertThat(f.get("color").asString()).isEqualTo("#ff0000");
        assertThat(f.get("sender").asString()).matches("[0-9a-f]{8}");
        guest.close();
    }

    @Test
    void aDanmakuSentOnTheSocketIsStoredAndReachesEveryoneOnce() throws Exception {
        Client sender = Client.open("/ws/videos/" + video, viewer);
        Client other = Client.open("/ws/videos/" + video, owner);
        sender.send("{\"type\":\"danmaku\",\"time\":7,\"text\":\"over the socket\",\"size\":\"large\"}");
        JsonNode echoed = sender.next("danmaku");
        JsonNode seen = other.next("danmaku");
        assertThat(seen.get("text").asString()).isEqualTo("over the socket");
        assertThat(seen.get("size").asString()).isEqualTo("large");
        assertThat(echoed.get("id").asString()).isEqualTo(seen.get("id").asString());
        Thread.sleep(300);
        assertThat(sender.frames).noneMatch(f -> f.get("type").asString().equals("danmaku"));
        var slice = site.call("GET", "/api/v1/videos/" + video + "/danmaku?from=0&to=360", null, null).json();
        assertThat(slice.get("items").findValuesAsString("text")).contains("over the socket");
        sender.close();
        other.close();
    }

    @Test
    void aGuestOrBadMessageOnTheSocketGetsAnErrorFrameAndTheSocketStaysOpen() throws Exception {
        Client guest = Client.open("/ws/videos/" + video, null);
        guest.send("{\"type\":\"danmaku\",\"time\":1,\"text\":\"guest\"}");
        assertThat(guest.next("error").get("status").asInt()).isEqualTo(401);
        guest.send("not json");
        assertThat(guest.next("error").get("status").asInt()).isEqualTo(400);
        Client user = Client.open("/ws/videos/" + video, viewer);
        user.send("{\"type\":\"danmaku\",\"time\":1,\"text\":\"" + "x".repeat(101) + "\"}");
        assertThat(user.next("error").get("status").asInt()).isEqualTo(400);
        user.send("{\"type\":\"danmaku\",\"time\":1,\"text\":\"ok\",\"color\":\"red\"}");
        assertThat(user.next("error").get("detail").asString()).contains("#rrggbb");
        user.send("{\"type\":\"danmaku\",\"time\":2,\"text\":\"twice on the socket\"}");
        user.next("danmaku");
        user.send("{\"type\":\"danmaku\",\"time\":3,\"text\":\"twice on the socket\"}");
        JsonNode repeat = user.next("error");
        assertThat(repeat.get("status").asInt()).isEqualTo(429);
        assertThat(repeat.get("retryAfter").asInt()).isPositive();
        user.send("{\"type\":\"chat\",\"text\":\"wrong room\"}");
        assertThat(user.next("error").get("status").asInt()).isEqualTo(400);
        user.send("{\"type\":\"ping\"}");
        user.next("pong");
        guest.close();
        user.close();
    }

    @Test
    void aPrivateVideoOrAForgedTokenIsRefusedAtTheHandshake() {
        String secret = DanmakuVideos.ready(site, owner, "private", 60);
        assertHandshakeRefused("/ws/videos/" + secret, viewer, 404);
        assertHandshakeRefused("/ws/videos/" + secret, null, 404);
        assertHandshakeRefused("/ws/videos/" + video, "forged.token.value", 401);
        Client.open("/ws/videos/" + secret, owner).close();
    }

    private static void assertHandshakeRefused(String path, String token, int status) {
        try {
            Client.open(path, token);
            throw new AssertionError("the handshake to " + path + " was accepted");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(java.net.http.WebSocketHandshakeException.class);
            assertThat(((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(status);
        }
    }
}
