package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Both planes together: a streamer's key from the API publishes over RTMP, the flvUrl plays, the status follows. */
class LiveStreamingIT {
    @TempDir
    static Path data;
    static RunningMarquee site;
    static int rtmpPort;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data, "--marquee.live-preview-interval=4s");
        rtmpPort = site.rtmpPort;
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aStreamKeyFromTheApiGoesLiveAndItsFlvUrlPlays() throws Exception {
        String token = site.signUp("streamer");
        String key = site.call("GET", "/api/v1/live/key", null, token).json().get("streamKey").asString();

        Process refused = ffmpeg(data.resolve("refused.log"), publishArgs("live_not-a-key", 2));
        assertThat(refused.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).as("an unknown key is refused").isNotZero();

        JsonNode idle = site.call("GET", "/api/v1/live/ingest", null, token).json();
        assertThat(idle.get("receiving").asBoolean()).isFalse();
        assertThat(idle.get("bitrate").isNull()).isTrue();
        assertThat(site.call("GET", "/api/v1/live/ingest", null, null).status()).isEqualTo(401);

        Process publisher = ffmpeg(data.resolve("publish.log"), publishArgs(key, 14));
        try {
            JsonNode status = awaitLive("streamer");
            assertThat(status.get("viewers").asInt()).isZero();

            // What OBS sends, as the "Go live" page shows it: 640x360 at 30 fps, a keyframe a second (-g 30)
            JsonNode ingest = awaitIngest(token, 3);
            assertThat(ingest.get("receiving").asBoolean()).isTrue();
            assertThat(ingest.get("videoCodec").asString()).isEqualTo("H.264");
            assertThat(ingest.get("audioCodec").asString()).isEqualTo("AAC");
            assertThat(ingest.get("width").asInt()).isEqualTo(640);
            assertThat(ingest.get("height").asInt()).isEqualTo(360);
            assertThat(ingest.get("frameRate").asDouble()).isBetween(27.0, 33.0);
            assertThat(ingest.get("bitrate").asLong()).isBetween(50_000L, 20_000_000L);
            assertThat(ingest.get("keyframeInterval").asDouble()).isEqualTo(1.0);
            assertThat(ingest.get("warnings")).isEmpty();
            String flvUrl = status.get("flvUrl").asString();
            String plain = "http://127.0.0.1:" + site.mediaPort + "/live/streamer.flv";
            assertThat(flvUrl).startsWith(plain + "?token=");
            assertThat(statusOf(plain)).as("live playback is signed, like the videos'").isEqualTo(403);
            String tampered = flvUrl.substring(0, flvUrl.length() - 1) + (flvUrl.endsWith("A") ? "B" : "A");
            assertThat(statusOf(tampered)).as("a tampered token").isEqualTo(403);

            Path playLog = data.resolve("play.log");
            Process player = ffmpeg(playLog, List.of("-loglevel", "error", "-nostats", "-progress", "pipe:1",
                    "-i", flvUrl, "-frames:v", "30", "-f", "null", "-"));
            assertThat(player.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(player.exitValue()).as(Files.readString(playLog)).isZero();
            assertThat(Files.readString(playLog)).contains("frame=30");

            Path rtmpLog = data.resolve("rtmp-play.log");
            Process rtmpPlayer = ffmpeg(rtmpLog, List.of("-loglevel", "error", "-nostats", "-progress", "pipe:1",
                    "-i", status.get("rtmpUrl").asString(), "-frames:v", "30", "-f", "null", "-"));
            assertThat(rtmpPlayer.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(rtmpPlayer.exitValue()).as("the signed rtmpUrl plays: " + Files.readString(rtmpLog)).isZero();
            assertThat(Files.readString(rtmpLog)).contains("frame=30");
        } finally {
            publisher.destroy();
            publisher.waitFor(10, TimeUnit.SECONDS);
        }
        // Cut off before the 14 s its metadata announced, as when OBS or its machine drops: still a replay, as long as it ran
        JsonNode replay = awaitReplay("streamer");
        assertThat(replay.get("durationSeconds").asDouble()).isBetween(3.0, 13.0);

        // The streamer's own list of past streams: how long, the most viewers at once (the two players), the replay
        RunningMarquee.Response listed = site.call("GET", "/api/v1/live/sessions", null, token);
        assertThat(listed.header("Cache-Control")).contains("no-store");
        JsonNode past = listed.json().get("items");
        assertThat(past).hasSize(1);
        assertThat(past.get(0).get("startedAt").asString()).isNotBlank();
        assertThat(past.get(0).get("durationSeconds").asLong()).as("from start to end, the reconnect grace included").isBetween(3L, 30L);
        assertThat(past.get(0).get("peakViewers").asInt()).isBetween(1, 2);
        assertThat(past.get(0).get("replay").get("id").asString()).isEqualTo(replay.get("id").asString());
        assertThat(past.get(0).get("replay").get("state").asString()).isEqualTo("ready");
        assertThat(site.call("GET", "/api/v1/live/sessions", null, null).status()).isEqualTo(401);
        assertThat(site.call("GET", "/api/v1/live/sessions?limit=0", null, token).status()).isEqualTo(400);
        assertThat(site.call("GET", "/api/v1/live/sessions?limit=lots", null, token).status()).isEqualTo(400);
    }

    @Test
    void theLiveHlsPlaysAndTheSessionBecomesAReplayVideo() throws Exception {
        String token = site.signUp("caster");
        String key = site.call("GET", "/api/v1/live/key", null, token).json().get("streamKey").asString();
        site.call("PUT", "/api/v1/live/title", java.util.Map.of("title", "Evening show"), token);
        Process publisher = ffmpeg(data.resolve("caster.log"), publishArgs(key, 9));
        try {
            JsonNode status = awaitLive("caster");
            String hlsUrl = status.get("hlsUrl").asString();
            String plain = "http://127.0.0.1:" + site.mediaPort + "/live/caster/index.m3u8";
            assertThat(hlsUrl).startsWith(plain + "?token=");
            Thread.sleep(3000); // two segments of ~2 s
            assertThat(statusOf(plain)).as("live playback is signed, like the videos'").isEqualTo(403);
            String playlist = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(hlsUrl)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            String query = hlsUrl.substring(hlsUrl.indexOf("?token="));
            assertThat(playlist.lines().filter(l -> !l.startsWith("#") && !l.isBlank()))
                    .as("segments carry the playlist's token").isNotEmpty().allMatch(l -> l.endsWith(".ts" + query));
            Path playLog = data.resolve("hls-play.log");
            Process player = ffmpeg(playLog, List.of("-loglevel", "error", "-nostats", "-progress", "pipe:1",
                    "-i", hlsUrl, "-frames:v", "30", "-f", "null", "-"));
            assertThat(player.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(player.exitValue()).as(Files.readString(playLog)).isZero();
            assertThat(Files.readString(playLog)).contains("frame=30");
        } finally {
            assertThat(publisher.waitFor(30, TimeUnit.SECONDS)).isTrue(); // the clip ends after 9 s
        }
        // After the reconnect grace the session ends, and its recording goes through the upload pipeline.
        JsonNode replay = awaitReplay("caster");
        assertThat(replay.get("title").asString()).startsWith("Evening show");
        assertThat(replay.get("durationSeconds").asDouble()).isBetween(6.0, 10.0);

        // Who comes to the live page too late finds the stream they missed
        String replayId = replay.get("id").asString();
        String offline = site.call("GET", "/live/caster", null, null).body();
        assertThat(offline).contains("id=\"live-last-stream\" href=\"/watch/" + replayId + "\"")
                .contains("Watch the last stream").contains(replay.get("title").asString())
                .contains(replay.get("thumbnailUrl").asString().replace("&", "&amp;"))
                .as("a shared link shows the replay's thumbnail")
                .contains("<meta property=\"og:image\" content=\"" + replay.get("thumbnailUrl").asString().replace("&", "&amp;") + "\">");
        // ...but not once its owner has made it private
        site.call("PATCH", "/api/v1/videos/" + replayId, java.util.Map.of("visibility", "private"), token);
        assertThat(site.call("GET", "/live/caster", null, null).body()).doesNotContain("live-last-stream");
    }

    @Test
    void aLiveChannelsCardsShowARecentPictureOfItsStreamThatGoesWhenItEnds() throws Exception {
        String token = site.signUp("painter");
        String key = site.call("GET", "/api/v1/live/key", null, token).json().get("streamKey").asString();
        Process publisher = ffmpeg(data.resolve("painter.log"), publishArgs(key, 36));
        String first;
        try {
            awaitLive("painter");
            first = awaitPreviewUrl("painter", null);
            assertThat(first).matches("http://127\\.0\\.0\\.1:\\d+/api/v1/live/painter/preview\\.jpg\\?v=\\d+");
            var picture = fetch(first);
            assertThat(picture.statusCode()).isEqualTo(200);
            assertThat(picture.headers().firstValue("content-type")).hasValue("image/jpeg");
            assertThat(picture.headers().firstValue("cache-control").orElseThrow()).contains("max-age=30");
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(picture.body()));
            assertThat(image).as("a JPEG that decodes").isNotNull();
            assertThat(image.getHeight()).as("the stream's own 640x360, not enlarged").isEqualTo(360);
            assertThat(image.getWidth()).isEqualTo(640);
            assertThat(distinctColours(image)).as("testsrc2's picture, not a blank frame").isGreaterThan(50);

            String home = site.call("GET", "/", null, null).body();
            assertThat(home).as("the home page's live card shows the picture")
                    .containsPattern("<img class=\"live-preview\"[^>]*src=\"/api/v1/live/painter/preview\\.jpg\\?v=\\d+\"");
            assertThat(site.call("GET", "/live/painter", null, null).body()).as("a shared link to the stream shows it")
                    .containsPattern("<meta property=\"og:image\" content=\"http://127\\.0\\.0\\.1:\\d+/api/v1/live/painter/preview\\.jpg\\?v=\\d+\">")
                    .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">");

            // the live page's player shows the picture until its first frame: its room's status names it
            RoomClient room = RoomClient.join(site, "painter", null);
            try {
                assertThat(room.next("status").get("previewUrl").asString()).matches("/api/v1/live/painter/preview\\.jpg\\?v=\\d+");
            } finally {
                room.close();
            }

            String second = awaitPreviewUrl("painter", first);
            assertThat(Long.parseLong(second.replaceAll(".*v=", ""))).as("taken anew every interval").isGreaterThan(Long.parseLong(first.replaceAll(".*v=", "")));

            // ...while someone looks: nobody fetched the second, so two intervals later it is still the newest
            Thread.sleep(2 * 4_000 + 3_000);
            assertThat(site.call("GET", "/api/v1/live/painter", null, null).json().get("previewUrl").asString())
                    .as("a picture nobody fetched is not taken anew").isEqualTo(second);
            assertThat(fetch(second).statusCode()).isEqualTo(200);
            String third = awaitPreviewUrl("painter", second);
            assertThat(third).as("fetched, it is").isNotEqualTo(second);
        } finally {
            assertThat(publisher.waitFor(45, TimeUnit.SECONDS)).isTrue();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // the reconnect grace, then the end
        while (site.call("GET", "/api/v1/live/painter", null, null).json().get("live").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        JsonNode ended = site.call("GET", "/api/v1/live/painter", null, null).json();
        assertThat(ended.get("live").asBoolean()).isFalse();
        assertThat(ended.get("previewUrl").isNull()).as("an ended stream has no picture").isTrue();
        assertThat(fetch(first).statusCode()).isEqualTo(404);
        assertThat(site.call("GET", "/", null, null).body()).doesNotContain("/api/v1/live/painter/preview.jpg");
    }

    /** The channel's replay once it is a ready public video; fails after two minutes. */
    private static JsonNode awaitReplay(String username) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            for (JsonNode v : site.call("GET", "/api/v1/videos?limit=20", null, null).json().get("items"))
                if (v.get("owner").get("username").asString().equals(username)) return v;
            Thread.sleep(500);
        }
        throw new AssertionError(username + "'s session never became a ready video");
    }

    /** Waits until the caller's stream has been measured for {@code seconds} whole seconds. */
    private static JsonNode awaitIngest(String token, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            JsonNode ingest = site.call("GET", "/api/v1/live/ingest", null, token).json();
            if (!ingest.get("frameRate").isNull() && ingest.get("frameRate").asDouble() > 0) {
                Thread.sleep(seconds * 1000L);
                return site.call("GET", "/api/v1/live/ingest", null, token).json();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the stream was never measured");
    }

    /** Waits for the status to name a picture other than {@code other}. */
    private static String awaitPreviewUrl(String username, String other) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            JsonNode url = site.call("GET", "/api/v1/live/" + username, null, null).json().get("previewUrl");
            if (!url.isNull() && !url.asString().equals(other)) return url.asString();
            Thread.sleep(200);
        }
        throw new AssertionError(username + "'s status never named a " + (other == null ? "" : "new ") + "picture");
    }

    private static java.net.http.HttpResponse<byte[]> fetch(String url) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Accept", "image/avif,image/webp,image/apng,image/*,*/*;q=0.8").build(); // as chromium asks for an <img>
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Colours quantised to 4 bits a channel: a real picture has many, a blank or grey frame one or two. */
    private static long distinctColours(java.awt.image.BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4)
            for (int x = 0; x < image.getWidth(); x += 4) colours.add(image.getRGB(x, y) & 0xF0F0F0);
        return colours.size();
    }

    private static int statusOf(String url) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).method("HEAD",
                java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode awaitLive(String username) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            JsonNode status = site.call("GET", "/api/v1/live/" + username, null, null).json();
            if (status.get("live").asBoolean()) {
                Thread.sleep(1200); // a GOP, so the first viewer starts at once
                return status;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(username + " never went live");
    }

    private static List<String> publishArgs(String key, int seconds) {
        return List.of("-loglevel", "warning", "-re", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                "-re", "-f", "lavfi", "-i", "sine", "-t", Integer.toString(seconds),
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "30", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-f", "flv", "rtmp://127.0.0.1:" + rtmpPort + "/live/" + key);
    }

    private static Process ffmpeg(Path log, List<String> args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
