package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Danmaku travel over /ws/videos/{id} to every viewer, from REST and from the socket, with java.net.http.WebSocket. */
class DanmakuSocketIT extends DanmakuSiteIT {
    @Test
    void aDanmakuPostedByRestReachesAnotherViewerWithinASecond() throws Exception {
        RoomClient guest = RoomClient.openInRoom(site, "/ws/videos/" + video, null);
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
        RoomClient sender = RoomClient.openInRoom(site, "/ws/videos/" + video, viewer);
        RoomClient other = RoomClient.openInRoom(site, "/ws/videos/" + video, owner);
        sender.sendText("{\"type\":\"danmaku\",\"time\":7,\"text\":\"over the socket\",\"size\":\"large\"}");
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
        RoomClient guest = RoomClient.openInRoom(site, "/ws/videos/" + video, null);
        guest.sendText("{\"type\":\"danmaku\",\"time\":1,\"text\":\"guest\"}");
        assertThat(guest.next("error").get("status").asInt()).isEqualTo(401);
        guest.sendText("not json");
        assertThat(guest.next("error").get("status").asInt()).isEqualTo(400);
        RoomClient user = RoomClient.openInRoom(site, "/ws/videos/" + video, viewer);
        user.sendText("{\"type\":\"danmaku\",\"time\":1,\"text\":\"" + "x".repeat(101) + "\"}");
        assertThat(user.next("error").get("status").asInt()).isEqualTo(400);
        user.sendText("{\"type\":\"danmaku\",\"time\":1,\"text\":\"ok\",\"color\":\"red\"}");
        assertThat(user.next("error").get("detail").asString()).contains("#rrggbb");
        user.sendText("{\"type\":\"danmaku\",\"time\":2,\"text\":\"twice on the socket\"}");
        user.next("danmaku");
        user.sendText("{\"type\":\"danmaku\",\"time\":3,\"text\":\"twice on the socket\"}");
        JsonNode repeat = user.next("error");
        assertThat(repeat.get("status").asInt()).isEqualTo(429);
        assertThat(repeat.get("retryAfter").asInt()).isPositive();
        user.sendText("{\"type\":\"chat\",\"text\":\"wrong room\"}");
        assertThat(user.next("error").get("status").asInt()).isEqualTo(400);
        user.sendText("{\"type\":\"ping\"}");
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
        RoomClient.openInRoom(site, "/ws/videos/" + secret, owner).close();
    }

    private static void assertHandshakeRefused(String path, String token, int status) {
        assertThat(RoomClient.handshakeStatus(site, path, token)).as("the handshake to " + path).isEqualTo(status);
    }
}
