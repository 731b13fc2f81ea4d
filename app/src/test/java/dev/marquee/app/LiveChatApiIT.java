package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.server.spi.StreamLifecycleListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The chat moderation routes: who may call them, what they refuse, what they answer. */
class LiveChatApiIT {
    @TempDir
    static Path data;
    static RunningMarquee site;
    static String admin;
    static String streamer;
    static String viewer;
    static String troll;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data, "--marquee.posts-per-minute-per-ip=100000");
        admin = site.signUp("boss");
        streamer = site.signUp("caster");
        viewer = site.signUp("fan");
        troll = site.signUp("troll");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** A token with the same claims but a signature the server never made. */
    static String forged(String token) {
        int dot = token.lastIndexOf('.');
        String sig = token.substring(dot + 1);
        char first = sig.charAt(0) == 'A' ? 'B' : 'A';
        return token.substring(0, dot + 1) + first + sig.substring(1);
    }

    record Call(String method, String path, Object body) {}

    static final List<Call> MODERATION = List.of(
            new Call("DELETE", "/api/v1/live/caster/chat/AAAAAAAAAAA", null),
            new Call("GET", "/api/v1/live/caster/bans", null),
            new Call("POST", "/api/v1/live/caster/bans", Map.of("username", "troll", "seconds", 60)),
            new Call("DELETE", "/api/v1/live/caster/bans/troll", null),
            new Call("PUT", "/api/v1/live/caster/chat-settings", Map.of("slowModeSeconds", 5)));

    @Test
    void everyModerationRouteWants401WithoutAValidToken403ForOthersAnd404ForNoChannel() {
        for (Call c : MODERATION) {
            assertProblem(site.call(c.method(), c.path(), c.body(), null), 401, c);
            assertProblem(site.call(c.method(), c.path(), c.body(), forged(streamer)), 401, c);
            assertProblem(site.call(c.method(), c.path(), c.body(), viewer), 403, c);
            assertProblem(site.call(c.method(), c.path().replace("/caster/", "/no-such-caster/"), c.body(), streamer), 404, c);
        }
    }

    @Test
    void badInputIs400AndUnknownThingsAre404() {
        assertProblem(site.call("POST", "/api/v1/live/caster/bans", Map.of("seconds", 60), streamer), 400, null);
        assertProblem(site.call("POST", "/api/v1/live/caster/bans", Map.of("username", "troll", "seconds", 0), streamer), 400, null);
        assertProblem(site.call("POST", "/api/v1/live/caster/bans", Map.of("username", "troll", "seconds", 99_999_999), streamer), 400, null);
        assertProblem(site.call("POST", "/api/v1/live/caster/bans", Map.of("username", "troll", "seconds", "soon"), streamer), 400, null);
        assertProblem(site.call("POST", "/api/v1/live/caster/bans", "{not json", streamer), 400, null);
        assertProblem(site.call("POST", "/api/v1/live/caster/bans", Map.of("username", "caster"), streamer), 400, null);
        assertProblem(site.call("POST", "/api/v1/live/caster/bans", Map.of("username", "boss"), streamer), 400, null);
        assertProblem(site.call("POST", "/api/v1/live/caster/bans", Map.of("username", "ghost-user"), streamer), 404, null);
        assertProblem(site.call("DELETE", "/api/v1/live/caster/bans/ghost-user", null, streamer), 404, null);
        assertProblem(site.call("PUT", "/api/v1/live/caster/chat-settings", Map.of("slowModeSeconds", 301), streamer), 400, null);
        assertProblem(site.call("PUT", "/api/v1/live/caster/chat-settings", Map.of("slowModeSeconds", -1), streamer), 400, null);
        assertProblem(site.call("PUT", "/api/v1/live/caster/chat-settings", Map.of(), streamer), 400, null);
        assertProblem(site.call("DELETE", "/api/v1/live/caster/chat/AAAAAAAAAAA", null, streamer), 404, null);
        assertProblem(site.call("DELETE", "/api/v1/live/caster/chat/%3Cscript%3E", null, streamer), 404, null);
        assertProblem(site.call("GET", "/api/v1/live/no-such-caster/chat-settings", null, null), 404, null);
    }

    @Test
    void theStreamerAndAdminsBanListAndLift() {
        var timeout = site.call("POST", "/api/v1/live/caster/bans", Map.of("username", "troll", "seconds", 60), streamer);
        assertThat(timeout.status()).isEqualTo(201);
        assertThat(timeout.json().get("user").get("username").asString()).isEqualTo("troll");
        assertThat(timeout.json().get("until").isNull()).isFalse();
        JsonNode list = site.call("GET", "/api/v1/live/caster/bans", null, admin).json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("user").get("username").asString()).isEqualTo("troll");

        var ban = site.call("POST", "/api/v1/live/caster/bans", Map.of("username", "TROLL"), admin);
        assertThat(ban.status()).isEqualTo(201);
        assertThat(ban.json().get("until").isNull()).isTrue();

        assertThat(site.call("DELETE", "/api/v1/live/caster/bans/troll", null, streamer).status()).isEqualTo(204);
        assertThat(site.call("GET", "/api/v1/live/caster/bans", null, streamer).json().get("items").isEmpty()).isTrue();
        assertThat(site.call("DELETE", "/api/v1/live/caster/bans/troll", null, streamer).status()).isEqualTo(204);
    }

    @Test
    void slowModeIsSetByTheStreamerAndReadByAnyone() {
        assertThat(site.call("GET", "/api/v1/live/caster/chat-settings", null, null).json().get("slowModeSeconds").asInt()).isZero();
        var set = site.call("PUT", "/api/v1/live/caster/chat-settings", Map.of("slowModeSeconds", 10), streamer);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("slowModeSeconds").asInt()).isEqualTo(10);
        assertThat(site.call("GET", "/api/v1/live/CASTER/chat-settings", null, null).json().get("slowModeSeconds").asInt()).isEqualTo(10);
        assertThat(site.call("PUT", "/api/v1/live/caster/chat-settings", Map.of("slowModeSeconds", 0), admin).status()).isEqualTo(200);
    }

    @Test
    void theStreamerDeletesALineOfTheirChatButNotOfAnotherChannel() {
        StreamLifecycleListener lifecycle = site.context.getBean(StreamLifecycleListener.class);
        lifecycle.streamStarted("caster");
        try (RoomClient fan = RoomClient.join(site, "caster", viewer)) {
            fan.chat("delete me");
            String id = fan.next("chat").get("id").asString();
            assertProblem(site.call("DELETE", "/api/v1/live/fan/chat/" + id, null, viewer), 404, null); // fan's own channel
            assertProblem(site.call("DELETE", "/api/v1/live/caster/chat/" + id, null, viewer), 403, null);
            assertThat(site.call("DELETE", "/api/v1/live/caster/chat/" + id, null, streamer).status()).isEqualTo(204);
            assertThat(fan.next("deleted").get("id").asString()).isEqualTo(id);
            assertProblem(site.call("DELETE", "/api/v1/live/caster/chat/" + id, null, admin), 404, null);
        } finally {
            lifecycle.streamEnded("caster");
        }
    }

    @Test
    void aChannelBanFromTheChatAlsoStopsDanmakuOnTheChannelsVideos() {
        String video = DanmakuVideos.ready(site, streamer, "public", 60);
        Map<String, Object> danmaku = Map.of("time", 3.5, "text", "first!", "mode", "scroll", "color", "#ffffff", "size", "normal");
        assertThat(site.call("POST", "/api/v1/live/caster/bans", Map.of("username", "troll", "seconds", 300), streamer).status())
                .isEqualTo(201);
        var refused = site.call("POST", "/api/v1/videos/" + video + "/danmaku", danmaku, troll);
        assertProblem(refused, 403, null);
        assertThat(refused.json().get("detail").asString()).contains("timed out");
        assertThat(site.call("DELETE", "/api/v1/live/caster/bans/troll", null, streamer).status()).isEqualTo(204);
        assertThat(site.call("POST", "/api/v1/videos/" + video + "/danmaku", danmaku, troll).status()).isEqualTo(201);
    }

    private static void assertProblem(RunningMarquee.Response r, int status, Call c) {
        assertThat(r.status()).as(c + " → " + r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(String.valueOf(c)).startsWith("application/problem+json");
    }
}
