package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.server.spi.StreamLifecycleListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Live chat over real WebSockets (java.net.http) against a running Marquee; the media plane's notices make channels live. */
class LiveChatSocketIT {
    @TempDir
    static Path data;
    static RunningMarquee site;
    static String adminToken;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data, "--marquee.posts-per-minute-per-ip=100000");
        adminToken = site.signUp("siteadmin"); // the first account is the admin
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static StreamLifecycleListener lifecycle() {
        return site.context.getBean(StreamLifecycleListener.class);
    }

    private static final List<RoomClient> open = new ArrayList<>();

    static RoomClient join(String channel, String token) {
        RoomClient c = RoomClient.join(site, channel, token);
        open.add(c);
        return c;
    }

    @Test
    void aChatLineReachesEveryoneInTheRoomWithItsStreamTime() throws Exception {
        site.signUp("stream1");
        String alice = site.signUp("alice1");
        lifecycle().streamStarted("stream1");
        Thread.sleep(300);
        RoomClient guest = join("stream1", null);
        assertThat(guest.next("history").get("items").isEmpty()).isTrue();
        JsonNode status = guest.next("status");
        assertThat(status.get("live").asBoolean()).isTrue();
        assertThat(status.get("previewUrl").isNull()).as("no picture of a stream that sent nothing").isTrue();
        RoomClient sender = join("STREAM1", alice);

        sender.chat("  hello\u202e chat\u0007  ");
        JsonNode got = guest.next("chat");
        assertThat(fields(got)).containsExactly("type", "id", "text", "author", "streamTime");
        assertThat(got.get("text").asString()).isEqualTo("hello chat");
        assertThat(got.get("id").asString()).hasSize(11);
        assertThat(got.get("author").get("username").asString()).isEqualTo("alice1");
        assertThat(got.get("author").get("id").asString()).hasSize(11);
        assertThat(got.get("streamTime").asLong()).isBetween(250L, 10_000L);
        assertThat(sender.next("chat").get("id").asString()).isEqualTo(got.get("id").asString());

        RoomClient late = join("stream1", null);
        JsonNode history = late.next("history");
        assertThat(history.get("items")).hasSize(1);
        assertThat(history.get("items").get(0).get("id").asString()).isEqualTo(got.get("id").asString());
        lifecycle().streamEnded("stream1");
    }

    @Test
    void aGuestMayReadButNotPostAndAnOfflineChannelRefusesChat() {
        site.signUp("stream2");
        String bob = site.signUp("bob2");
        RoomClient guest = join("stream2", null);
        guest.chat("hi");
        JsonNode error = guest.next("error");
        assertThat(error.get("status").asInt()).isEqualTo(401);

        RoomClient member = join("stream2", bob);
        assertThat(member.next("status").get("live").asBoolean()).isFalse();
        member.chat("anyone here?");
        error = member.next("error");
        assertThat(error.get("status").asInt()).isEqualTo(409);
        assertThat(error.get("detail").asString()).contains("offline");

        member.send(Map.of("type", "shout", "text", "x"));
        assertThat(member.next("error").get("status").asInt()).isEqualTo(400);
        lifecycle().streamStarted("stream2");
        member.chat("x".repeat(201));
        assertThat(member.next("error").get("detail").asString()).contains("201 characters");
        member.send(Map.of("type", "chat"));
        assertThat(member.next("error").get("status").asInt()).isEqualTo(400);
        member.send(Map.of("type", "ping"));
        member.next("pong");
        assertThat(guest.quietFor("chat", Duration.ofMillis(300))).isTrue();
        lifecycle().streamEnded("stream2");
    }

    @Test
    void unknownChannelsAndForgedTokensAreRefusedAtTheHandshake() {
        String carol = site.signUp("carol3");
        assertThat(RoomClient.refusedWith(site, "nobody-at-all", null)).isEqualTo(404);
        assertThat(RoomClient.refusedWith(site, "carol3", LiveChatApiIT.forged(carol))).isEqualTo(401);
        assertThat(RoomClient.refusedWith(site, "carol3", carol)).isEqualTo(101);
    }

    @Test
    void slowModeMakesViewersWaitButNotTheStreamer() {
        String streamer = site.signUp("stream4");
        String dan = site.signUp("dan4");
        lifecycle().streamStarted("stream4");
        RoomClient watcher = join("stream4", null);
        assertThat(watcher.next("settings").get("slowModeSeconds").asInt()).isZero();
        assertThat(site.call("PUT", "/api/v1/live/stream4/chat-settings", Map.of("slowModeSeconds", 30), streamer).status())
                .isEqualTo(200);
        assertThat(watcher.next("settings").get("slowModeSeconds").asInt()).isEqualTo(30);

        RoomClient d = join("stream4", dan);
        d.chat("first");
        assertThat(watcher.next("chat").get("text").asString()).isEqualTo("first");
        d.chat("second");
        JsonNode refused = d.next("error");
        assertThat(refused.get("status").asInt()).isEqualTo(429);
        assertThat(refused.get("retryAfter").asLong()).isBetween(1L, 30L);
        assertThat(refused.get("detail").asString()).contains("Slow mode");

        RoomClient s = join("stream4", streamer);
        s.chat("streamer one");
        s.chat("streamer two");
        assertThat(watcher.next("chat").get("text").asString()).isEqualTo("streamer one");
        assertThat(watcher.next("chat").get("text").asString()).isEqualTo("streamer two");
        site.call("PUT", "/api/v1/live/stream4/chat-settings", Map.of("slowModeSeconds", 0), streamer);
        d.chat("third");
        assertThat(watcher.next("chat").get("text").asString()).isEqualTo("third");
        lifecycle().streamEnded("stream4");
    }

    @Test
    void aTimeoutOrBanStopsPostingUntilLiftedAndADeletedLineLeavesEveryScreen() {
        String streamer = site.signUp("stream5");
        String eve = site.signUp("eve5");
        lifecycle().streamStarted("stream5");
        RoomClient watcher = join("stream5", null);
        RoomClient e = join("stream5", eve);
        e.chat("spam spam");
        String id = watcher.next("chat").get("id").asString();

        assertThat(site.call("DELETE", "/api/v1/live/stream5/chat/" + id, null, streamer).status()).isEqualTo(204);
        assertThat(watcher.next("deleted").get("id").asString()).isEqualTo(id);
        assertThat(join("stream5", null).next("history").get("items").isEmpty()).isTrue();

        assertThat(site.call("POST", "/api/v1/live/stream5/bans", Map.of("username", "eve5", "seconds", 600), streamer)
                .status()).isEqualTo(201);
        e.chat("let me talk");
        JsonNode refused = e.next("error");
        assertThat(refused.get("status").asInt()).isEqualTo(403);
        assertThat(refused.get("detail").asString()).contains("timed out");

        assertThat(site.call("POST", "/api/v1/live/stream5/bans", Map.of("username", "eve5"), adminToken).status())
                .isEqualTo(201); // an admin turns the timeout into a ban
        e.chat("please");
        assertThat(e.next("error").get("detail").asString()).contains("banned");
        assertThat(watcher.quietFor("chat", Duration.ofMillis(300))).isTrue();

        assertThat(site.call("DELETE", "/api/v1/live/stream5/bans/eve5", null, streamer).status()).isEqualTo(204);
        e.chat("sorry");
        assertThat(watcher.next("chat").get("text").asString()).isEqualTo("sorry");
        lifecycle().streamEnded("stream5");
    }

    @Test
    void theViewerCountRidesOnTheSocketAtMostEveryTwoSeconds() {
        site.signUp("stream6");
        lifecycle().streamStarted("stream6");
        RoomClient watcher = join("stream6", null);
        assertThat(watcher.next("viewers").get("count").asInt()).isZero();
        long start = System.nanoTime();
        lifecycle().viewersChanged("stream6", 5);
        assertThat(watcher.next("viewers", Duration.ofSeconds(4)).get("count").asInt()).isEqualTo(5);
        lifecycle().viewersChanged("stream6", 9);
        assertThat(watcher.next("viewers", Duration.ofSeconds(4)).get("count").asInt()).isEqualTo(9);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        lifecycle().streamEnded("stream6");
        JsonNode offline = watcher.next("status", Duration.ofSeconds(4));
        assertThat(offline.get("live").asBoolean()).isFalse();
    }

    static List<String> fields(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
