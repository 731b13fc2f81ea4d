package dev.marquee.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.platform.id.PublicId;
import dev.marquee.platform.video.VideoService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Videos for danmaku tests: created through the API, then marked ready with a duration (no ffmpeg needed). */
final class DanmakuVideos {
    private DanmakuVideos() {}

    static String ready(RunningMarquee site, String ownerToken, String visibility, double durationSeconds) {
        var r = site.call("POST", "/api/v1/videos", Map.of("title", "Danmaku test", "visibility", visibility), ownerToken);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        long videoId = PublicId.decode(id).orElseThrow();
        VideoService videos = site.context.getBean(VideoService.class);
        videos.reportProbe(videoId, durationSeconds, 640, 360);
        try {
            Path media = Files.createTempDirectory(site.dataDir, "media-");
            videos.reportReady(videoId, media, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return id;
    }
}
