package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.platform.community.Bans;
import dev.marquee.platform.danmaku.DanmakuArchive;
import dev.marquee.platform.danmaku.TimedMessage;
import dev.marquee.platform.id.PublicId;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The danmaku routes of API.md: posting rules, abuse limits, slices and their caching, the slice cap. */
class DanmakuApiIT extends DanmakuSiteIT {
    static RunningMarquee.Response post(String id, Map<String, ?> body, String token) {
        return site.call("POST", "/api/v1/videos/" + id + "/danmaku", body, token);
    }

    static Map<String, Object> danmaku(double time, String text) {
        Map<String, Object> m = new HashMap<>();
        m.put("time", time);
        m.put("text", text);
        return m;
    }

    static long userId(String token) {
        return PublicId.decode(site.call("GET", "/api/v1/users/me", null, token).json().get("id").asString()).orElseThrow();
    }

    @Test
    void aSignedInViewerPostsADanmakuWithDefaultsAndGuestsReadIt() {
        String poster = site.signUp("dmdefaults");
        var r = post(video, danmaku(12.25, "  first!\u0007\u202e  "), poster);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode d = r.json();
        assertThat(d.get("id").asString()).matches("[A-Za-z0-9_-]{11}");
        assertThat(d.get("time").asDouble()).isEqualTo(12.25);
        assertThat(d.get("text").asString()).isEqualTo("first!");
        assertThat(d.get("mode").asString()).isEqualTo("scroll");
        assertThat(d.get("color").asString()).isEqualTo("#ffffff");
        assertThat(d.get("size").asString()).isEqualTo("normal");
        assertThat(d.get("sender").asString()).matches("[0-9a-f]{8}").doesNotContain("dmdefaults");
        assertThat(r.body()).doesNotContain("dmdefaults").doesNotContain(PublicId.encode(userId(poster)));

        var again = post(video, Map.of("time", 30, "text", "again", "mode", "bottom", "color", "#00FF7f", "size", "small"), poster);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("sender").asString()).isEqualTo(d.get("sender").asString());
        assertThat(again.json().get("color").asString()).isEqualTo("#00ff7f");

        JsonNode items = site.call("GET", "/api/v1/videos/" + video + "/danmaku?from=0&to=360", null, null).json().get("items");
        assertThat(items.findValuesAsString("text")).contains("first!", "again");
    }

    @Test
    void postingNeedsAValidTokenAndAVisibleVideo() {
        assertThat(post(video, danmaku(1, "no token"), null).status()).isEqualTo(401);
        assertThat(post(video, danmaku(1, "forged"), "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl").status()).isEqualTo(401);
        String secret = DanmakuVideos.ready(site, owner, "private", 60);
        assertThat(post(secret, danmaku(1, "peek"), viewer).status()).isEqualTo(404);
        assertThat(site.call("GET", "/api/v1/videos/" + secret + "/danmaku", null, viewer).status()).isEqualTo(404);
        assertThat(site.call("GET", "/api/v1/videos/" + secret + "/danmaku.xml", null, null).status()).isEqualTo(404);
        assertThat(post("AAAAAAAAAAA", danmaku(1, "nowhere"), viewer).status()).isEqualTo(404);
        var own = post(secret, danmaku(1, "my own private video"), owner);
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        var read = site.call("GET", "/api/v1/videos/" + secret + "/danmaku?from=0&to=360", null, owner);
        assertThat(read.header("Cache-Control")).contains("private").doesNotContain("public");
    }

    @Test
    void badFieldsAreRefusedWith400() {
        String poster = site.signUp("dmbadfields");
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(danmaku(-1, "negative time"));
        bad.add(danmaku(1002, "after the end"));
        bad.add(Map.of("text", "no time"));
        bad.add(Map.of("time", "12", "text", "time as a string"));
        bad.add(Map.of("time", 1));
        bad.add(Map.of("time", 1, "text", "   \u0000\u200b  "));
        bad.add(Map.of("time", 1, "text", 42));
        bad.add(Map.of("time", 1, "text", "x".repeat(101)));
        bad.add(Map.of("time", 1, "text", "mode", "mode", "sideways"));
        bad.add(Map.of("time", 1, "text", "size", "size", "huge"));
        bad.add(Map.of("time", 1, "text", "color", "color", "red"));
        bad.add(Map.of("time", 1, "text", "color", "color", "#fff"));
        bad.add(Map.of("time", 1, "text", "color", "color", "#ffffff00"));
        for (Map<String, Object> body : bad) {
            var r = post(video, body, poster);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.header("Content-Type")).contains("application/problem+json");
        }
        assertThat(post(video, "not json", poster).status()).isEqualTo(400);
        assertThat(post(video, "[1,2]", poster).status()).isEqualTo(400);
        var hundred = post(video, danmaku(1001, "漢".repeat(100)), poster); // within the 1 s slack after the end
        assertThat(hundred.status()).as(hundred.body()).isEqualTo(201);
    }

    static RunningMarquee.Response post(String id, String raw, String token) {
        return site.call("POST", "/api/v1/videos/" + id + "/danmaku", raw, token);
    }

    @Test
    void theSameTextTwiceAndTooManyDanmakuAreRefusedWith429AndRetryAfter() {
        String flooder = site.signUp("dmflooder");
        assertThat(post(video, danmaku(5, "same words"), flooder).status()).isEqualTo(201);
        var repeat = post(video, danmaku(9, "SAME   words"), flooder);
        assertThat(repeat.status()).isEqualTo(429);
        assertThat(repeat.header("Retry-After")).isNotNull();
        RunningMarquee.Response last = null;
        for (int i = 0; i < 12 && (last == null || last.status() == 201); i++) last = post(video, danmaku(i, "burst " + i), flooder);
        assertThat(last.status()).isEqualTo(429);
        assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();
        assertThat(last.json().get("detail").asString()).contains("danmaku");
    }

    @Test
    void aBannedUserGets403OnRestAndOnTheSocket() throws Exception {
        String banned = site.signUp("dmbanned");
        String elsewhere = DanmakuVideos.ready(site, viewer, "public", 60);
        Bans bans = site.context.getBean(Bans.class);
        bans.ban(userId(owner), userId(banned), null, userId(owner));
        assertThat(post(video, danmaku(1, "let me in"), banned).status()).isEqualTo(403);
        assertThat(post(elsewhere, danmaku(1, "another channel is fine"), banned).status()).isEqualTo(201);
        var socket = RoomClient.openInRoom(site, "/ws/videos/" + video, banned);
        socket.sendText("{\"type\":\"danmaku\",\"time\":2,\"text\":\"let me in by socket\"}");
        assertThat(socket.next("error").get("status").asInt()).isEqualTo(403);
        socket.close();
        bans.ban(Bans.SITE, userId(banned), Instant.now().plusSeconds(600), userId(owner));
        assertThat(post(elsewhere, danmaku(2, "timed out everywhere"), banned).status()).isEqualTo(403);
    }

    @Test
    void slicesAreSixMinutesCacheableAndAnsweredWith304WhenUnchanged() throws Exception {
        String v = DanmakuVideos.ready(site, owner, "public", 1000);
        String poster = site.signUp("dmslices");
        for (double t : new double[] {10, 359.9, 360, 719, 800})
            assertThat(post(v, danmaku(t, "at " + t), poster).status()).isEqualTo(201);
        String base = "/api/v1/videos/" + v + "/danmaku";
        var first = site.call("GET", base + "?from=0&to=360", null, null);
        assertThat(first.json().get("items").findValuesAsString("text")).containsExactly("at 10.0", "at 359.9");
        assertThat(site.call("GET", base + "?from=360&to=720", null, null).json().get("items").findValuesAsString("text"))
                .containsExactly("at 360.0", "at 719.0");
        assertThat(site.call("GET", base + "?from=300&to=400", null, null).json().get("items").findValuesAsString("text"))
                .containsExactly("at 359.9", "at 360.0");
        assertThat(site.call("GET", base + "?from=0&to=720", null, null).status()).isEqualTo(400);
        assertThat(site.call("GET", base + "?from=10&to=5", null, null).status()).isEqualTo(400);
        assertThat(site.call("GET", base + "?from=x&to=5", null, null).status()).isEqualTo(400);
        assertThat(first.header("Cache-Control")).contains("public").contains("max-age=10");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();

        HttpResponse<String> again = site.http.send(HttpRequest.newBuilder(URI.create(site.base() + base + "?from=0&to=360"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        post(v, danmaku(20, "new one"), poster);
        HttpResponse<String> changed = site.http.send(HttpRequest.newBuilder(URI.create(site.base() + base + "?from=0&to=360"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("new one");
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void aSliceKeepsOnlyTheNewestThreeThousand() {
        String v = DanmakuVideos.ready(site, owner, "public", 1000);
        long videoId = PublicId.decode(v).orElseThrow();
        long sender = userId(viewer);
        List<TimedMessage> many = new ArrayList<>();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 3010; i++) many.add(new TimedMessage(sender, (i % 300) + 0.5, "m" + i, t0.plusSeconds(i)));
        site.context.getBean(DanmakuArchive.class).addAll(videoId, many);
        JsonNode items = site.call("GET", "/api/v1/videos/" + v + "/danmaku?from=0&to=360", null, null).json().get("items");
        assertThat(items.size()).isEqualTo(3000);
        List<String> texts = items.findValuesAsString("text");
        assertThat(texts).doesNotContain("m0", "m9").contains("m10", "m3009");
        long t = System.nanoTime();
        int rounds = 50;
        int bytes = 0;
        for (int i = 0; i < rounds; i++) bytes = site.call("GET", "/api/v1/videos/" + v + "/danmaku?from=0&to=360", null, null).body().length();
        System.out.printf("full slice (3,000 danmaku, %d bytes): %.1f ms per GET from the slice cache%n", bytes,
                (System.nanoTime() - t) / 1e6 / rounds);
        double previous = -1;
        for (JsonNode d : items) {
            assertThat(d.get("time").asDouble()).isGreaterThanOrEqualTo(previous);
            previous = d.get("time").asDouble();
        }
    }
}
