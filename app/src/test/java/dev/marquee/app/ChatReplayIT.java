package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.platform.id.PublicId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * ffmpeg streams for 8 s while a fan chats; when the session ends its recording becomes a video, and the
 * chat (less the line the streamer deleted) is that video's danmaku at the stream times the lines were written.
 */
class ChatReplayIT {
    @TempDir
    static Path data;
    static RunningMarquee site;

    @BeforeAll
    static void start() {
        site = new RunningMarquee(data, "--marquee.posts-per-minute-per-ip=100000");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aSessionsChatReplaysAsDanmakuOnItsRecordingAtTheStreamTimes() throws Exception {
        String streamer = site.signUp("replayer");
        String fan = site.signUp("replayfan");
        String key = site.call("GET", "/api/v1/live/key", null, streamer).json().get("streamKey").asString();
        Instant publishedAt = Instant.now();
        Process publisher = new ProcessBuilder(List.of("ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-re", "-f", "lavfi", "-i", "sine",
                "-t", "8", "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-f", "flv", "rtmp://127.0.0.1:" + site.rtmpPort + "/live/" + key))
                .redirectErrorStream(true).redirectOutput(data.resolve("publisher.log").toFile()).start();
        JsonNode first;
        JsonNode second;
        Instant startedAt;
        try (RoomClient chat = RoomClient.join(site, "replayer", fan)) {
            JsonNode status = until(Duration.ofSeconds(20), () -> {
                JsonNode s = site.call("GET", "/api/v1/live/replayer", null, null).json();
                return s.get("live").asBoolean() ? s : null;
            });
            startedAt = Instant.parse(status.get("startedAt").asString());
            assertThat(Duration.between(publishedAt, startedAt)).as("the session starts with the first frame")
                    .isBetween(Duration.ZERO, Duration.ofSeconds(3));
            Thread.sleep(Math.max(0, 2000 - Duration.between(startedAt, Instant.now()).toMillis()));
            chat.chat("two seconds in");
            first = chat.next("chat");
            chat.chat("delete me please");
            String doomed = chat.next("chat").get("id").asString();
            assertThat(site.call("DELETE", "/api/v1/live/replayer/chat/" + doomed, null, streamer).status()).isEqualTo(204);
            Thread.sleep(Math.max(0, 5000 - Duration.between(startedAt, Instant.now()).toMillis()));
            chat.chat("five seconds in");
            second = chat.next("chat");
        } finally {
            publisher.waitFor(30, TimeUnit.SECONDS);
            publisher.destroy();
        }
        assertThat(first.get("streamTime").asLong()).isBetween(1900L, 3500L);
        assertThat(second.get("streamTime").asLong()).isBetween(4900L, 6500L);

        // The session ends 10 s after the publisher leaves; its recording becomes a video linked to the session.
        JdbcClient db = site.context.getBean(JdbcClient.class);
        long videoId = until(Duration.ofSeconds(60), () -> db.sql(
                "SELECT s.replay_video_id FROM live_sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'replayer'"
                        + " AND s.replay_video_id IS NOT NULL").query(Long.class).optional().orElse(null));
        String video = PublicId.encode(videoId);

        JsonNode items = until(Duration.ofSeconds(30), () -> {
            JsonNode list = site.call("GET", "/api/v1/videos/" + video + "/danmaku?from=0&to=360", null, streamer).json().get("items");
            return list != null && list.size() >= 2 ? list : null;
        });
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("text").asString()).isEqualTo("two seconds in");
        assertThat(items.get(0).get("time").asDouble()).isCloseTo(first.get("streamTime").asLong() / 1000.0,
                org.assertj.core.data.Offset.offset(0.002));
        assertThat(items.get(1).get("text").asString()).isEqualTo("five seconds in");
        assertThat(items.get(1).get("time").asDouble()).isCloseTo(second.get("streamTime").asLong() / 1000.0,
                org.assertj.core.data.Offset.offset(0.002));
        assertThat(items.get(0).get("mode").asString()).isEqualTo("scroll");
        assertThat(items.get(0).toString()).doesNotContain("replayfan"); // the sender is a hash, never the account

        // The recording covers the stream from its first frame: its t=0 is stream time 0.
        JsonNode ready = until(Duration.ofSeconds(180), () -> {
            JsonNode v = site.call("GET", "/api/v1/videos/" + video, null, streamer).json();
            return v.get("state").asString().equals("ready") ? v : null;
        });
        assertThat(ready.get("durationSeconds").asDouble()).isBetween(7.0, 9.0);
        assertThat(ready.get("tags").toString()).contains("replay");
    }

    interface Probe<T> {
        T get() throws Exception;
    }

    static <T> T until(Duration within, Probe<T> probe) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) return value;
            if (System.nanoTime() > deadline) throw new AssertionError("nothing within " + within);
            Thread.sleep(250);
        }
    }
}
