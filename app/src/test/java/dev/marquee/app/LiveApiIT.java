package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.server.spi.PublishAuthorizer;
import dev.marquee.media.server.spi.StreamLifecycleListener;
import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.live.StreamEnded;
import dev.marquee.platform.live.StreamStarted;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The live calls of API.md, and the beans the media plane asks, against a running Marquee. */
class LiveApiIT {
    private static final String MEDIA = "http://media.marquee.test:9000";

    @TempDir
    static Path data;
    static RunningMarquee site;
    static String ingestUrl;
    static final List<Object> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data, "--marquee.public-url=http://live.marquee.test:8080",
                "--marquee.media-public-url=" + MEDIA + "/");
        ingestUrl = "rtmp://live.marquee.test:" + site.context.getBean(MarqueeProperties.class).rtmpPort() + "/live";
        site.context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
            if (e.getPayload() instanceof StreamStarted || e.getPayload() instanceof StreamEnded) events.add(e.getPayload());
        });
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static PublishAuthorizer authorizer() {
        return site.context.getBean(PublishAuthorizer.class);
    }

    static StreamLifecycleListener lifecycle() {
        return site.context.getBean(StreamLifecycleListener.class);
    }

    static JsonNode status(String username) {
        var r = site.call("GET", "/api/v1/live/" + username, null, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void theKeyIsCreatedOnFirstAskAndStaysTheSame() {
        String token = site.signUp("alice");
        var first = site.call("GET", "/api/v1/live/key", null, token);
        assertThat(first.status()).isEqualTo(200);
        assertThat(fields(first.json())).containsExactlyInAnyOrder("ingestUrl", "streamKey");
        assertThat(first.json().get("ingestUrl").asString()).isEqualTo(ingestUrl);
        String key = first.json().get("streamKey").asString();
        assertThat(key).startsWith("live_").hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
        assertThat(first.header("Cache-Control")).contains("no-store");

        assertThat(site.call("GET", "/api/v1/live/key", null, token).json().get("streamKey").asString()).isEqualTo(key);
        String other = site.call("GET", "/api/v1/live/key", null, site.signUp("alice2")).json().get("streamKey").asString();
        assertThat(other).isNotEqualTo(key);
    }

    @Test
    void rotatingMakesANewKeyAndOnlyTheCurrentOneMayPublish() {
        String token = site.signUp("Bob");
        String old = site.call("GET", "/api/v1/live/key", null, token).json().get("streamKey").asString();
        assertThat(authorizer().authorizePublish("live", old)).contains("Bob");

        var rotated = site.call("POST", "/api/v1/live/key/rotate", null, token);
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(fields(rotated.json())).containsExactlyInAnyOrder("ingestUrl", "streamKey");
        assertThat(rotated.json().get("ingestUrl").asString()).isEqualTo(ingestUrl);
        String current = rotated.json().get("streamKey").asString();
        assertThat(current).isNotEqualTo(old).startsWith("live_");
        assertThat(site.call("GET", "/api/v1/live/key", null, token).json().get("streamKey").asString()).isEqualTo(current);

        PublishAuthorizer authorizer = authorizer();
        assertThat(authorizer.authorizePublish("live", current)).contains("Bob");
        assertThat(authorizer.authorizePublish("live", current + "?obs=1")).contains("Bob");
        assertThat(authorizer.authorizePublish("live", old)).isEmpty();
        assertThat(authorizer.authorizePublish("live", "live_" + "A".repeat(43))).isEmpty();
        assertThat(authorizer.authorizePublish("live", "Bob")).isEmpty();
        assertThat(authorizer.authorizePublish("live", "")).isEmpty();
        assertThat(authorizer.authorizePublish("live", null)).isEmpty();
        assertThat(authorizer.authorizePublish("vod", current)).isEmpty();
        assertThat(authorizer.authorizePublish("", current)).isEmpty();
        assertThat(authorizer.authorizePublish(null, current)).isEmpty();
    }

    @Test
    void anOfflineChannelAnswersLiveFalseAndAnUnknownOne404() {
        site.signUp("carol");
        JsonNode offline = status("CAROL");
        assertThat(fields(offline)).containsExactlyInAnyOrder("live", "title", "startedAt", "viewers", "flvUrl", "hlsUrl",
                "rtmpUrl", "previewUrl");
        assertThat(offline.get("previewUrl").isNull()).as("no picture while offline").isTrue();
        var noPicture = site.call("GET", "/api/v1/live/carol/preview.jpg", null, null);
        assertThat(noPicture.status()).isEqualTo(404);
        assertThat(noPicture.header("Content-Type")).startsWith("application/problem+json");
        assertThat(offline.get("live").asBoolean()).isFalse();
        assertThat(offline.get("startedAt").isNull()).isTrue();
        assertThat(offline.get("title").isNull()).isTrue();
        assertThat(offline.get("viewers").asInt()).isZero();
        assertThat(offline.get("flvUrl").asString()).matches(java.util.regex.Pattern.quote(MEDIA + "/live/carol.flv?token=") + "\\d+-[\\w-]{22}");
        assertThat(offline.get("hlsUrl").asString()).matches(java.util.regex.Pattern.quote(MEDIA + "/live/carol/index.m3u8?token=") + "\\d+-[\\w-]{22}");
        assertThat(offline.get("rtmpUrl").asString()).matches("rtmp://live\\.marquee\\.test:\\d+/live/carol\\?token=\\d+-[\\w-]{22}");

        var unknown = site.call("GET", "/api/v1/live/nobody-here", null, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theMediaPlanesNoticesMakeAChannelLiveAndLeaveASession() throws Exception {
        String token = site.signUp("Dave");
        assertThat(site.call("PUT", "/api/v1/live/title", Map.of("title", "Speedrun night"), token).status()).isEqualTo(200);
        StreamLifecycleListener listener = lifecycle();
        Instant before = Instant.now().minusSeconds(1);

        listener.streamStarted("Dave");
        listener.viewersChanged("Dave", 7);
        listener.viewersChanged("Dave", 3);
        JsonNode live = status("dave");
        assertThat(live.get("live").asBoolean()).isTrue();
        assertThat(live.get("title").asString()).isEqualTo("Speedrun night");
        assertThat(live.get("viewers").asInt()).isEqualTo(3);
        assertThat(Instant.parse(live.get("startedAt").asString())).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        assertThat(live.get("flvUrl").asString()).startsWith(MEDIA + "/live/Dave.flv?token=");
        var home = site.call("GET", "/", null, null);
        assertThat(home.body()).contains("Live now", "/live/Dave", "Speedrun night");
        assertThat(site.call("GET", "/c/dave", null, null).body()).as("the channel page leads to the stream")
                .contains("id=\"channel-live\"", "href=\"/live/Dave\"", "Speedrun night", "3 watching");

        listener.streamEnded("Dave");
        JsonNode ended = status("dave");
        assertThat(ended.get("live").asBoolean()).isFalse();
        assertThat(ended.get("startedAt").isNull()).isTrue();
        assertThat(ended.get("viewers").asInt()).isZero();
        assertThat(site.call("GET", "/", null, null).body()).doesNotContain("/live/Dave");
        assertThat(site.call("GET", "/c/dave", null, null).body()).doesNotContain("channel-live", "/live/Dave");

        JdbcClient jdbc = site.context.getBean(JdbcClient.class);
        Map<String, Object> session = eventually(() -> jdbc.sql("""
                SELECT s.* FROM live_sessions s JOIN users u ON u.id = s.user_id
                WHERE u.username_key = 'dave' AND s.ended_at IS NOT NULL
                """).query().listOfRows().stream().findFirst().map(HashMap::new).orElse(null));
        assertThat(((Number) session.get("peak_viewers")).intValue()).isEqualTo(7);
        assertThat(session.get("title")).isEqualTo("Speedrun night");
        assertThat(((Number) session.get("ended_at")).longValue()).isGreaterThanOrEqualTo(((Number) session.get("started_at")).longValue());

        StreamEnded end = (StreamEnded) eventually(() -> events.stream().filter(e -> e instanceof StreamEnded s && s.username().equals("Dave"))
                .findFirst().orElse(null));
        assertThat(end.peakViewers()).isEqualTo(7);
        assertThat(events).anySatisfy(e -> assertThat(e).isEqualTo(new StreamStarted(end.userId(), "Dave", "Speedrun night")));
    }

    /** As with Twitch's "Edit stream info": renamed while live, the stream shows its new name at once, and keeps it. */
    @Test
    void aStreamRenamedWhileLiveShowsItsNewTitleAtOnceAndKeepsIt() throws Exception {
        String token = site.signUp("Rita");
        var early = site.call("PUT", "/api/v1/live/title", Map.of("title", "Warm-up"), token);
        assertThat(early.json().get("live").asBoolean()).as("nothing live to rename yet").isFalse();
        StreamLifecycleListener listener = lifecycle();
        listener.streamStarted("Rita");
        RoomClient room = RoomClient.join(site, "Rita", null);
        try {
            assertThat(room.next("status").get("title").asString()).isEqualTo("Warm-up");
            var renamed = site.call("PUT", "/api/v1/live/title", Map.of("title", "Boss fight"), token);
            assertThat(renamed.status()).isEqualTo(200);
            assertThat(renamed.json().get("title").asString()).isEqualTo("Boss fight");
            assertThat(renamed.json().get("live").asBoolean()).isTrue();
            assertThat(status("rita").get("title").asString()).isEqualTo("Boss fight");
            assertThat(site.call("GET", "/", null, null).body()).contains("Boss fight").doesNotContain("Warm-up");
            assertThat(site.call("GET", "/live/rita", null, null).body()).contains("<title>Boss fight · Rita · Marquee</title>");
            JsonNode told = room.next("status", Duration.ofSeconds(5));
            assertThat(told.get("live").asBoolean()).as("open live pages are told, without a reload").isTrue();
            assertThat(told.get("title").asString()).isEqualTo("Boss fight");
        } finally {
            room.close();
        }
        listener.streamEnded("Rita");

        JdbcClient jdbc = site.context.getBean(JdbcClient.class);
        Object title = eventually(() -> jdbc.sql("""
                SELECT s.title FROM live_sessions s JOIN users u ON u.id = s.user_id
                WHERE u.username_key = 'rita' AND s.ended_at IS NOT NULL
                """).query(String.class).optional().orElse(null));
        assertThat(title).as("the session, its past-streams row and replay, carry the new title").isEqualTo("Boss fight");
        StreamEnded end = (StreamEnded) eventually(() -> events.stream().filter(e -> e instanceof StreamEnded s && s.username().equals("Rita"))
                .findFirst().orElse(null));
        assertThat(end.title()).isEqualTo("Boss fight");
        assertThat(site.call("GET", "/api/v1/live/settings", null, token).json().get("title").asString())
                .as("the next stream starts with it too").isEqualTo("Boss fight");
    }

    @Test
    void noticesAboutUnknownOrOfflineStreamsChangeNothing() {
        StreamLifecycleListener listener = lifecycle();
        listener.streamStarted("ghost-of-nobody");
        listener.viewersChanged("ghost-of-nobody", 5);
        listener.streamEnded("ghost-of-nobody");
        site.signUp("erin");
        listener.viewersChanged("erin", 5);
        listener.streamEnded("erin");
        assertThat(status("erin").get("live").asBoolean()).isFalse();
        assertThat(site.call("GET", "/api/v1/live/ghost-of-nobody", null, null).status()).isEqualTo(404);
    }

    @Test
    void keyAndTitleRoutesNeedSignIn() {
        assertThat(site.call("GET", "/api/v1/live/key", null, null).status()).isEqualTo(401);
        assertThat(site.call("POST", "/api/v1/live/key/rotate", null, null).status()).isEqualTo(401);
        assertThat(site.call("PUT", "/api/v1/live/title", Map.of("title", "x"), null).status()).isEqualTo(401);
        assertThat(site.call("PUT", "/api/v1/live/replays", Map.of("save", false), null).status()).isEqualTo(401);
        assertThat(site.call("GET", "/api/v1/live/settings", null, null).status()).isEqualTo(401);
        assertThat(site.call("GET", "/api/v1/live/key", null, "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void theReplaySwitchTakesTrueOrFalseAndNothingElse() {
        String token = site.signUp("gwen");
        assertThat(site.call("PUT", "/api/v1/live/replays", "{}", token).status()).isEqualTo(400);
        assertThat(site.call("PUT", "/api/v1/live/replays", "{\"save\":null}", token).status()).isEqualTo(400);
        assertThat(site.call("PUT", "/api/v1/live/replays", "{\"save\":\"perhaps\"}", token).status()).isEqualTo(400);
        assertThat(site.call("PUT", "/api/v1/live/replays", "not json", token).status()).isEqualTo(400);
        var off = site.call("PUT", "/api/v1/live/replays", Map.of("save", false), token);
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().get("save").asBoolean()).isFalse();
        var on = site.call("PUT", "/api/v1/live/replays", Map.of("save", true), token);
        assertThat(on.json().get("save").asBoolean()).isTrue();
    }

    @Test
    void theSettingsReadBackWhatWasSet() {
        String token = site.signUp("hana");
        var fresh = site.call("GET", "/api/v1/live/settings", null, token);
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.json().get("title").isNull()).as("no title until one is set").isTrue();
        assertThat(fresh.json().get("saveReplays").asBoolean()).as("replays are kept by default").isTrue();

        site.call("PUT", "/api/v1/live/title", Map.of("title", "Cooking at dawn"), token);
        site.call("PUT", "/api/v1/live/replays", Map.of("save", false), token);
        var set = site.call("GET", "/api/v1/live/settings", null, token);
        assertThat(set.json().get("title").asString()).isEqualTo("Cooking at dawn");
        assertThat(set.json().get("saveReplays").asBoolean()).isFalse();
        assertThat(set.header("Cache-Control")).as("one user's settings are not for shared caches").contains("no-store");
    }

    @Test
    void theTitleIsCheckedAndCleaned() {
        String token = site.signUp("frank");
        assertThat(site.call("PUT", "/api/v1/live/title", Map.of("title", ""), token).status()).isEqualTo(400);
        assertThat(site.call("PUT", "/api/v1/live/title", Map.of("title", "   "), token).status()).isEqualTo(400);
        assertThat(site.call("PUT", "/api/v1/live/title", "{\"title\":null}", token).status()).isEqualTo(400);
        assertThat(site.call("PUT", "/api/v1/live/title", "{}", token).status()).isEqualTo(400);
        assertThat(site.call("PUT", "/api/v1/live/title", "not json", token).status()).isEqualTo(400);
        var tooLong = site.call("PUT", "/api/v1/live/title", Map.of("title", "x".repeat(141)), token);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).contains("140");

        var longest = site.call("PUT", "/api/v1/live/title", Map.of("title", "é".repeat(140)), token);
        assertThat(longest.status()).isEqualTo(200);
        var cleaned = site.call("PUT", "/api/v1/live/title", Map.of("title", "  Late <b>show</b>\u0007 "), token);
        assertThat(cleaned.status()).isEqualTo(200);
        assertThat(cleaned.json().get("title").asString()).isEqualTo("Late <b>show</b>");
        assertThat(status("frank").get("title").asString()).isEqualTo("Late <b>show</b>");
    }

    @Test
    void thePagesRenderAndGoLiveAsksToSignIn() {
        site.signUp("gina");
        var page = site.call("GET", "/live/GINA", null, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-flv-url=\"" + MEDIA + "/live/gina.flv?token=", "gina is offline", "/assets/live");
        assertThat(site.call("GET", "/live/nobody-here", null, null).status()).isEqualTo(404);
        var goLive = site.call("GET", "/go-live", null, null);
        assertThat(goLive.status()).isEqualTo(302);
        assertThat(goLive.header("Location")).endsWith("/login?next=%2Fgo-live");
    }

    private static Set<String> fields(JsonNode node) {
        return new HashSet<>(node.propertyNames());
    }

    /** Waits for what the background writer records. */
    private static <T> T eventually(Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) return value;
            Thread.sleep(50);
        }
        throw new AssertionError("nothing was recorded in time");
    }
}
