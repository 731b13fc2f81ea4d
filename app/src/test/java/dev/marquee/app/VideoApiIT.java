package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The video calls of API.md against a running Marquee with real ffmpeg: upload, process, play, change, delete. */
class VideoApiIT {
    @TempDir
    static Path data;
    @TempDir
    static Path clips;
    static RunningMarquee site;
    static String owner;
    static String stranger;
    static String adminToken;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data, "--marquee.max-upload-size=20MB");
        adminToken = site.signUp("siteadmin");
        owner = site.signUp("owner");
        stranger = site.signUp("stranger");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static JsonNode create(String token, Map<String, ?> fields) {
        var r = site.call("POST", "/api/v1/videos", fields, token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    static JsonNode waitUntilDone(String id, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode v = site.call("GET", "/api/v1/videos/" + id, null, token).json();
            String state = v.get("state").asString();
            if (state.equals("ready") || state.equals("failed")) return v;
            Thread.sleep(500);
        }
        throw new AssertionError("video " + id + " did not finish processing in time");
    }

    static int get(String url) throws Exception {
        return site.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String getText(String url) throws Exception {
        return site.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void uploadedVideoIsProcessedIntoAPlayableLadderAndCanBeChangedAndDeleted() throws Exception {
        Path clip = Clips.make(clips, "landscape.mp4", 1280, 720, 3, true);
        JsonNode created = create(owner, Map.of("title", "My first clip", "description", "line one\nline two",
                "tags", List.of("test", "clip"), "visibility", "public"));
        String id = created.get("id").asString();
        assertThat(id).matches("[A-Za-z0-9_-]{11}");
        assertThat(created.get("state").asString()).isEqualTo("uploading");
        assertThat(created.get("upload").asString()).isEqualTo(site.base() + "/api/v1/videos/" + id + "/upload");

        new TusUpload(owner).send(created.get("upload").asString(), clip, 256 * 1024);
        JsonNode video = waitUntilDone(id, owner);
        assertThat(video.get("state").asString()).as(video.toString()).isEqualTo("ready");
        assertThat(video.get("progress").asInt()).isEqualTo(100);
        assertThat(video.get("durationSeconds").asDouble()).isBetween(2.5, 3.5);
        assertThat(video.get("width").asInt()).isEqualTo(1280);
        assertThat(video.get("height").asInt()).isEqualTo(720);
        assertThat(video.get("owner").get("username").asString()).isEqualTo("owner");
        assertThat(video.get("publishedAt").isNull()).isFalse();
        assertThat(video.get("renditions").valueStream().map(r -> r.get("height").asInt()).toList())
                .containsExactly(720, 480, 360, 240);

        String hls = video.get("hlsUrl").asString();
        assertThat(hls).startsWith("http://127.0.0.1:" + site.mediaPort + "/vod/");
        assertThat(get(video.get("thumbnailUrl").asString())).isEqualTo(200);
        String master = getText(hls);
        assertThat(master).contains("BANDWIDTH=", "RESOLUTION=1280x720", "CODECS=");
        // Segments named in a signed playlist resolve to signed URLs too.
        Matcher variant = Pattern.compile("(?m)^([^#\\s].*\\.m3u8)$").matcher(master);
        assertThat(variant.find()).isTrue();
        String variantUrl = URI.create(hls).resolve(variant.group(1)).toString();
        String media = getText(variantUrl);
        Matcher segment = Pattern.compile("(?m)^([^#\\s].*)$").matcher(media);
        assertThat(segment.find()).isTrue();
        assertThat(get(URI.create(variantUrl).resolve(segment.group(1)).toString())).isEqualTo(200);
        // ffmpeg, a client no one here wrote, decodes it.
        Clips.run(List.of("ffmpeg", "-v", "error", "-i", hls, "-map", "0:v:0", "-frames:v", "30", "-f", "null", "-"));
        // A tampered signature is refused.
        String tampered = hls.replaceFirst("/vod/(\\d+)-(.)", "/vod/$1-" + (hls.matches(".*/vod/\\d+-A.*") ? "B" : "A"));
        assertThat(get(tampered)).isEqualTo(403);

        var listed = site.call("GET", "/api/v1/videos?sort=-published&limit=20", null, null).json();
        assertThat(listed.get("items").valueStream().map(v -> v.get("id").asString()).toList()).contains(id);

        // Someone else may not change it; nobody without a token either.
        assertThat(site.call("PATCH", "/api/v1/videos/" + id, Map.of("title", "mine now"), stranger).status()).isEqualTo(403);
        assertThat(site.call("PATCH", "/api/v1/videos/" + id, Map.of("title", "mine now"), null).status()).isEqualTo(401);
        var changed = site.call("PATCH", "/api/v1/videos/" + id, Map.of("title", "Renamed", "visibility", "private"), owner);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("title").asString()).isEqualTo("Renamed");
        assertThat(changed.json().get("description").asString()).isEqualTo("line one\nline two");

        // Private: invisible to others, still playable for the owner with a signed URL.
        assertThat(site.call("GET", "/api/v1/videos/" + id, null, stranger).status()).isEqualTo(404);
        assertThat(site.call("GET", "/api/v1/videos/" + id, null, null).status()).isEqualTo(404);
        String ownersUrl = site.call("GET", "/api/v1/videos/" + id, null, owner).json().get("hlsUrl").asString();
        assertThat(get(ownersUrl)).isEqualTo(200);
        assertThat(get(ownersUrl.replaceFirst("/vod/[^/]+/", "/vod/0-AAAAAAAAAAAAAAAAAAAAAA/"))).isEqualTo(403);
        assertThat(site.call("GET", "/api/v1/videos?limit=100", null, null).json().get("items").valueStream()
                .map(v -> v.get("id").asString()).toList()).doesNotContain(id);

        assertThat(site.call("DELETE", "/api/v1/videos/" + id, null, stranger).status()).isEqualTo(404);
        assertThat(site.call("DELETE", "/api/v1/videos/" + id, null, owner).status()).isEqualTo(204);
        assertThat(site.call("GET", "/api/v1/videos/" + id, null, owner).status()).isEqualTo(404);
        assertThat(Files.exists(data.resolve("media/videos/" + id))).isFalse();
        assertThat(get(ownersUrl)).isEqualTo(404);
    }

    @Test
    void viewsCountOncePerViewerAndTheAdminMayChangeAnyVideo() throws Exception {
        Path clip = Clips.make(clips, "small.mp4", 320, 240, 2, false);
        JsonNode created = create(owner, Map.of("title", "Count me"));
        String id = created.get("id").asString();
        new TusUpload(owner).send(created.get("upload").asString(), clip, 1024 * 1024);
        assertThat(waitUntilDone(id, owner).get("state").asString()).isEqualTo("ready");

        for (int i = 0; i < 3; i++) assertThat(site.call("POST", "/api/v1/videos/" + id + "/views", null, stranger).status()).isEqualTo(204);
        site.call("POST", "/api/v1/videos/" + id + "/views", null, owner);
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        long views = 0;
        while (System.nanoTime() < deadline && views < 2) {
            Thread.sleep(300);
            views = site.call("GET", "/api/v1/videos/" + id, null, null).json().get("views").asLong();
        }
        assertThat(views).isEqualTo(2);

        // A counter that drifted (a crash between the two writes of a flush) is put right by the reconciliation job.
        var jdbc = site.context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        jdbc.sql("UPDATE videos SET views = 999").update();
        site.context.getBean(dev.marquee.platform.video.internal.ViewCounter.class).reconcile();
        assertThat(site.call("GET", "/api/v1/videos/" + id, null, null).json().get("views").asLong()).isEqualTo(2);

        var byAdmin = site.call("PATCH", "/api/v1/videos/" + id, Map.of("description", "moderated"), adminToken);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().get("description").asString()).isEqualTo("moderated");
    }

    @Test
    void aFileThatIsNotAVideoFailsWithAReasonAndIsRemoved() throws Exception {
        Path fake = clips.resolve("notes.mp4");
        Files.writeString(fake, "this is a text file, not a video\n".repeat(100));
        JsonNode created = create(owner, Map.of("title", "Not a video"));
        String id = created.get("id").asString();
        new TusUpload(owner).send(created.get("upload").asString(), fake, 64 * 1024);
        JsonNode video = waitUntilDone(id, owner);
        assertThat(video.get("state").asString()).isEqualTo("failed");
        assertThat(video.get("error").asString()).isNotBlank();
        assertThat(Files.exists(data.resolve("originals/" + id))).isFalse();
    }

    @Test
    void uploadsResumeAndRespectTheSizeLimitAndTheOwner() throws Exception {
        JsonNode created = create(owner, Map.of("title", "Resumable"));
        String creation = created.get("upload").asString();
        TusUpload tus = new TusUpload(owner);
        assertThat(new TusUpload(stranger).patch(creation + "/x", 0, new byte[1])).isEqualTo(404); // not even visible to others

        // Larger than the site's 20 MB limit: refused before a byte is stored.
        var tooLarge = site.http.send(HttpRequest.newBuilder(URI.create(creation)).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(21L * 1024 * 1024)).header("Authorization", "Bearer " + owner)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(tooLarge.statusCode()).isEqualTo(413);

        Path clip = Clips.make(clips, "resume.mp4", 640, 360, 2, true);
        byte[] bytes = Files.readAllBytes(clip);
        String url = tus.create(creation, bytes.length);
        int half = bytes.length / 2;
        assertThat(tus.patch(url, 0, java.util.Arrays.copyOfRange(bytes, 0, half))).isEqualTo(204);
        assertThat(tus.offset(url)).isEqualTo(half); // the connection "dropped"; ask where we are
        assertThat(tus.patch(url, 0, bytes)).isEqualTo(409); // a wrong offset is refused, nothing lost
        assertThat(tus.patch(url, half, java.util.Arrays.copyOfRange(bytes, half, bytes.length))).isEqualTo(204);
        assertThat(waitUntilDone(created.get("id").asString(), owner).get("state").asString()).isEqualTo("ready");
    }
}
