package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Likes, subscriptions and notifications against a running Marquee, with real uploads and a real RTMP stream. */
class SocialApiIT {
    @TempDir
    static Path data;
    @TempDir
    static Path clips;
    static RunningMarquee site;
    static String owner;
    static String video;

    @BeforeAll
    static void start() throws Exception {
        site = new RunningMarquee(data);
        site.signUp("siteadmin");
        owner = site.signUp("creator");
        video = SocialFixtures.readyVideo(site, clips, owner, "Likeable", "public");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aVideoIsLikedOncePerUserAndTheLikeCanBeTakenBack() {
        String fan = site.signUp("fan");
        String other = site.signUp("otherfan");
        String url = "/api/v1/videos/" + video + "/like";
        assertThat(site.call("GET", url, null, null).json().toString()).isEqualTo("{\"likes\":0,\"liked\":false}");
        assertThat(site.call("PUT", url, null, fan).status()).isEqualTo(204);
        assertThat(site.call("PUT", url, null, fan).status()).isEqualTo(204);
        assertThat(site.call("PUT", url, null, other).status()).isEqualTo(204);
        JsonNode state = site.call("GET", url, null, fan).json();
        assertThat(state.get("likes").asLong()).isEqualTo(2);
        assertThat(state.get("liked").asBoolean()).isTrue();
        assertThat(site.call("GET", url, null, null).json().get("liked").asBoolean()).isFalse();
        assertThat(site.call("DELETE", url, null, fan).status()).isEqualTo(204);
        assertThat(site.call("DELETE", url, null, fan).status()).isEqualTo(204);
        assertThat(site.call("GET", url, null, fan).json().toString()).isEqualTo("{\"likes\":1,\"liked\":false}");

        assertThat(site.call("PUT", url, null, null).status()).isEqualTo(401);
        assertThat(site.call("PUT", url, null, "forged.token.value").status()).isEqualTo(401);
        assertThat(site.call("DELETE", url, null, null).status()).isEqualTo(401);
        String secret = site.call("POST", "/api/v1/videos", Map.of("title", "Secret", "visibility", "private"), owner).json().get("id").asString();
        assertThat(site.call("PUT", "/api/v1/videos/" + secret + "/like", null, fan).status()).isEqualTo(404);
        assertThat(site.call("GET", "/api/v1/videos/" + secret + "/like", null, fan).status()).isEqualTo(404);
        assertThat(site.call("PUT", "/api/v1/videos/" + secret + "/like", null, owner).status()).isEqualTo(204);
        assertThat(site.call("PUT", "/api/v1/videos/AAAAAAAAAAA/like", null, fan).status()).isEqualTo(404);
    }

    @Test
    void subscribingIsOnePerChannelNeverToOneselfAndListsTheChannels() {
        String follower = site.signUp("follower");
        String url = "/api/v1/users/creator/subscription";
        assertThat(site.call("GET", url, null, null).json().get("subscribed").asBoolean()).isFalse();
        long before = site.call("GET", url, null, null).json().get("subscribers").asLong();
        assertThat(site.call("PUT", url, null, follower).status()).isEqualTo(204);
        assertThat(site.call("PUT", "/api/v1/users/CREATOR/subscription", null, follower).status()).isEqualTo(204);
        JsonNode state = site.call("GET", url, null, follower).json();
        assertThat(state.get("subscribed").asBoolean()).isTrue();
        assertThat(state.get("subscribers").asLong()).isEqualTo(before + 1);

        JsonNode mine = site.call("GET", "/api/v1/users/me/subscriptions", null, follower).json();
        assertThat(mine.get("items")).hasSize(1);
        assertThat(mine.get("items").get(0).get("username").asString()).isEqualTo("creator");
        assertThat(mine.get("items").get(0).get("live").asBoolean()).isFalse();
        assertThat(mine.get("items").get(0).get("id").asString()).matches("[A-Za-z0-9_-]{11}");

        assertThat(site.call("PUT", "/api/v1/users/follower/subscription", null, follower).status()).isEqualTo(400);
        assertThat(site.call("PUT", "/api/v1/users/nobody-here/subscription", null, follower).status()).isEqualTo(404);
        assertThat(site.call("GET", "/api/v1/users/nobody-here/subscription", null, null).status()).isEqualTo(404);
        assertThat(site.call("PUT", url, null, null).status()).isEqualTo(401);
        assertThat(site.call("PUT", url, null, "forged.token.value").status()).isEqualTo(401);
        assertThat(site.call("DELETE", url, null, null).status()).isEqualTo(401);
        assertThat(site.call("GET", "/api/v1/users/me/subscriptions", null, null).status()).isEqualTo(401);

        assertThat(site.call("DELETE", url, null, follower).status()).isEqualTo(204);
        assertThat(site.call("DELETE", url, null, follower).status()).isEqualTo(204);
        assertThat(site.call("GET", url, null, follower).json().get("subscribers").asLong()).isEqualTo(before);
        assertThat(site.call("GET", "/api/v1/users/me/subscriptions", null, follower).json().get("items")).isEmpty();
    }

    @Test
    void subscribersHearOfPublicUploadsAndOfGoingLive() throws Exception {
        String streamer = site.signUp("streamer");
        String sub1 = site.signUp("subscriber1");
        String sub2 = site.signUp("subscriber2");
        String bystander = site.signUp("bystander");
        for (String s : List.of(sub1, sub2)) {
            assertThat(site.call("PUT", "/api/v1/users/streamer/subscription", null, s).status()).isEqualTo(204);
        }
        assertThat(site.call("GET", "/api/v1/notifications", null, null).status()).isEqualTo(401);
        assertThat(site.call("GET", "/api/v1/notifications", null, sub1).json().get("unread").asLong()).isZero();

        String hidden = SocialFixtures.startVideo(site, clips, streamer, "Not for everyone", "unlisted");
        String published = SocialFixtures.readyVideo(site, clips, streamer, "Fresh upload", "public");
        SocialFixtures.awaitReady(site, hidden, streamer);

        JsonNode page = site.call("GET", "/api/v1/notifications", null, sub1).json();
        assertThat(page.get("unread").asLong()).isEqualTo(1);
        JsonNode n = page.get("items").get(0);
        assertThat(n.get("kind").asString()).isEqualTo("video");
        assertThat(n.get("video").get("id").asString()).isEqualTo(published);
        assertThat(n.get("video").get("title").asString()).isEqualTo("Fresh upload");
        assertThat(n.get("channel").get("username").asString()).isEqualTo("streamer");
        assertThat(n.get("read").asBoolean()).isFalse();
        assertThat(n.get("createdAt").asString()).endsWith("Z");
        assertThat(page.get("items")).as("the unlisted video is not announced").hasSize(1);
        assertThat(site.call("GET", "/api/v1/notifications", null, bystander).json().get("items")).isEmpty();

        // Going live over real RTMP notifies too.
        String key = site.call("GET", "/api/v1/live/key", null, streamer).json().get("streamKey").asString();
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning", "-re", "-f", "lavfi",
                "-i", "testsrc2=size=320x180:rate=15", "-t", "20", "-c:v", "libx264", "-preset", "ultrafast", "-g", "15",
                "-pix_fmt", "yuv420p", "-f", "flv", "rtmp://127.0.0.1:" + site.rtmpPort + "/live/" + key)
                .redirectErrorStream(true).redirectOutput(data.resolve("ffmpeg.log").toFile()).start();
        try {
            JsonNode live = awaitNotification(sub2, "live");
            assertThat(live.get("channel").get("username").asString()).isEqualTo("streamer");
            assertThat(live.has("video")).isFalse();
            JsonNode mine = site.call("GET", "/api/v1/users/me/subscriptions", null, sub2).json();
            assertThat(mine.get("items").get(0).get("live").asBoolean()).isTrue();
        } finally {
            ffmpeg.destroy();
            ffmpeg.waitFor();
        }

        // Pages of one, newest first; reading some, then all.
        JsonNode first = site.call("GET", "/api/v1/notifications?limit=1", null, sub2).json();
        assertThat(first.get("items").get(0).get("kind").asString()).isEqualTo("live");
        assertThat(first.get("unread").asLong()).isEqualTo(2);
        JsonNode second = site.call("GET", "/api/v1/notifications?limit=1&cursor=" + first.get("next").asString(), null, sub2).json();
        assertThat(second.get("items").get(0).get("kind").asString()).isEqualTo("video");
        assertThat(second.get("next").isNull()).isTrue();
        String liveId = first.get("items").get(0).get("id").asString();
        assertThat(site.call("POST", "/api/v1/notifications/read", Map.of("ids", List.of(liveId)), sub2).status()).isEqualTo(204);
        JsonNode after = site.call("GET", "/api/v1/notifications", null, sub2).json();
        assertThat(after.get("unread").asLong()).isEqualTo(1);
        assertThat(after.get("items").get(0).get("read").asBoolean()).isTrue();
        assertThat(site.call("GET", "/api/v1/notifications", null, sub1).json().get("unread").asLong())
                .as("one subscriber reading leaves the others' unread").isEqualTo(2);
        assertThat(site.call("POST", "/api/v1/notifications/read", null, sub2).status()).isEqualTo(204);
        assertThat(site.call("GET", "/api/v1/notifications", null, sub2).json().get("unread").asLong()).isZero();

        assertThat(site.call("POST", "/api/v1/notifications/read", Map.of("ids", List.of("bad")), sub2).status()).isEqualTo(400);
        assertThat(site.call("POST", "/api/v1/notifications/read", null, null).status()).isEqualTo(401);
        assertThat(site.call("GET", "/api/v1/notifications?cursor=zzz", null, sub2).status()).isEqualTo(400);
        assertThat(site.call("GET", "/api/v1/notifications?limit=1000", null, sub2).status()).isEqualTo(400);
    }

    private static JsonNode awaitNotification(String token, String kind) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode n : site.call("GET", "/api/v1/notifications", null, token).json().get("items")) {
                if (n.get("kind").asString().equals(kind)) return n;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + kind + " notification arrived");
    }
}
