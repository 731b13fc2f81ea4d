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
}
