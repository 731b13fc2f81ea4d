package dev.marquee.media.server.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Live HLS viewers only fetch files, yet they count in the stream's viewers, as real players (ffmpeg) show;
 * the site's own fetches for a preview picture do not.
 */
class LiveHlsViewersIT extends LiveServerIT {
    @Test
    void hlsPlayersCountAsViewersWhileTheyWatchAndThePreviewTakerDoesNot() throws Exception {
        try (Ffmpeg publisher = Ffmpeg.publish(live.rtmpUrl(LiveTestServer.KEY), 40, dir.resolve("publish.log"))) {
            live.awaitLive("alice", Duration.ofSeconds(10));
            String playlist = "http://127.0.0.1:" + live.server.port() + "/live/alice/index.m3u8?token="
                    + URLEncoder.encode(live.token("alice"), StandardCharsets.UTF_8);
            awaitSegments(playlist);

            Ffmpeg preview = Ffmpeg.run(dir.resolve("preview.log"), "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error",
                    "-live_start_index", "-1", "-i", playlist + "&uncounted=1", "-frames:v", "1", "-f", "null", "-");
            assertThat(preview.waitFor(20)).as(preview.output()).isZero();
            TimeUnit.MILLISECONDS.sleep(2500); // a counting round
            assertThat(viewers()).as("the site's own preview fetch").isZero();

            try (Ffmpeg first = Ffmpeg.play(playlist, 300, dir.resolve("play1.log"));
                 Ffmpeg second = Ffmpeg.play(playlist, 300, dir.resolve("play2.log"))) {
                awaitViewers(n -> n == 2, "two HLS players");
                assertThat(live.events).contains("viewers alice 2");
                assertThat(first.waitFor(30)).as(first.output()).isZero();
                assertThat(second.waitFor(30)).as(second.output()).isZero();
            }
            awaitViewers(n -> n == 0, "no one once the players left");
            assertThat(publisher.isAlive()).isTrue();
        }
    }

    private int viewers() {
        return live.server.liveRegistry().viewerCount("alice");
    }

    private void awaitViewers(IntPredicate expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!expected.test(viewers()) && System.nanoTime() < deadline) TimeUnit.MILLISECONDS.sleep(100);
        assertThat(viewers()).as(what).matches(expected::test);
    }

    private static void awaitSegments(String playlist) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(playlist)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().lines().filter(l -> l.startsWith("seg-")).count() >= 3) return;
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("the live playlist never had three segments");
    }
}
