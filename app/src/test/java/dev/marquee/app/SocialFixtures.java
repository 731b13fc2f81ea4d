package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.platform.id.PublicId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Shared steps of the comment and social tests: a real uploaded and transcoded video, a user's numeric id. */
final class SocialFixtures {
    private SocialFixtures() {}

    /** Creates a video, uploads a one-second clip over tus and returns its id once it is ready. */
    static String readyVideo(RunningMarquee site, Path clips, String token, String title, String visibility) throws Exception {
        return awaitReady(site, startVideo(site, clips, token, title, visibility), token);
    }

    /** Creates and uploads; processing goes on in the background. */
    static String startVideo(RunningMarquee site, Path clips, String token, String title, String visibility) throws Exception {
        var created = site.call("POST", "/api/v1/videos", Map.of("title", title, "visibility", visibility), token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Path clip = Clips.make(clips, "clip-" + created.json().get("id").asString() + ".mp4", 320, 180, 1, false);
        new TusUpload(token).send(created.json().get("upload").asString(), clip, 256 * 1024);
        return created.json().get("id").asString();
    }

    static String awaitReady(RunningMarquee site, String id, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            String state = site.call("GET", "/api/v1/videos/" + id, null, token).json().get("state").asString();
            if (state.equals("ready")) return id;
            assertThat(state).as("video %s", id).isNotEqualTo("failed");
            Thread.sleep(300);
        }
        throw new AssertionError("video " + id + " was not ready in time");
    }

    /** The numeric id of the user a token belongs to. */
    static long userId(RunningMarquee site, String token) {
        return PublicId.decode(site.call("GET", "/api/v1/users/me", null, token).json().get("id").asString()).orElseThrow();
    }
}
