package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.media.server.spi.StreamLifecycleListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A live session's recording becomes a video of the channel through the upload pipeline. */
class LiveReplayIT {
    @TempDir
    static Path data;
    static RunningMarquee site;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aFinishedRecordingBecomesAReplayVideo() throws Exception {
        site.signUp("streamer");
        Path recordings = Files.createDirectories(data.resolve("media/recordings"));
        Path flv = recordings.resolve("streamer-session.flv");
        Clips.run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30",
                "-f", "lavfi", "-i", "sine", "-t", "4", "-c:v", "libx264", "-preset", "ultrafast", "-g", "30",
                "-c:a", "aac", "-f", "flv", flv.toString()));
        StreamLifecycleListener listener = site.context.getBean(StreamLifecycleListener.class);
        listener.streamStarted("streamer");
        listener.streamEnded("streamer");
        listener.recordingFinished("streamer", flv);

        JsonNode replay = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (replay == null && System.nanoTime() < deadline) {
            Thread.sleep(500);
            for (JsonNode v : site.call("GET", "/api/v1/videos?limit=10", null, null).json().get("items"))
                if (v.get("owner").get("username").asString().equals("streamer")) replay = v;
        }
        assertThat(replay).as("the replay was published").isNotNull();
        assertThat(replay.get("tags").toString()).contains("replay");
        assertThat(replay.get("durationSeconds").asDouble()).isBetween(3.0, 5.0);
        assertThat(Files.exists(flv)).isFalse(); // taken over, not copied
    }

    @Test
    void aStreamerWhoTurnedReplaysOffKeepsNoVideoAndNoFile() throws Exception {
        String token = site.signUp("liveonly");
        assertThat(site.call("PUT", "/api/v1/live/replays", java.util.Map.of("save", false), token).status()).isEqualTo(200);
        Path flv = Files.createDirectories(data.resolve("media/recordings")).resolve("liveonly-session.flv");
        Clips.run(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30",
                "-t", "2", "-c:v", "libx264", "-preset", "ultrafast", "-f", "flv", flv.toString()));
        StreamLifecycleListener listener = site.context.getBean(StreamLifecycleListener.class);
        listener.streamStarted("liveonly");
        listener.streamEnded("liveonly");
        listener.recordingFinished("liveonly", flv);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Files.exists(flv) && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(Files.exists(flv)).as("the recording was let go").isFalse();
        Thread.sleep(1_000); // had a video been made, it would have been made before the file went
        long videos = site.context.getBean(JdbcClient.class)
                .sql("SELECT COUNT(*) FROM videos v JOIN users u ON u.id = v.owner_id WHERE u.username = 'liveonly'")
                .query(Long.class).single();
        assertThat(videos).as("no replay video, not even one still processing").isZero();
    }
}
