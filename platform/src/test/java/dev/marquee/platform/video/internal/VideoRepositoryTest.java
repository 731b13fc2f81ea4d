package dev.marquee.platform.video.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.marquee.platform.testing.Databases;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoState;
import dev.marquee.platform.video.Visibility;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

class VideoRepositoryTest {
    @TempDir
    Path tmp;

    private static VideoRepository repository(HikariDataSource ds) {
        JdbcClient jdbc = JdbcClient.create(ds);
        jdbc.sql("INSERT INTO users (id, username, username_key, password_hash, role, created_at) VALUES (1, 'Dana', 'dana', 'h', 'admin', 0)").update();
        return new VideoRepository(jdbc, JsonMapper.builder().build());
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void aVideoGoesFromUploadToReadyAndIsPublishedOnce(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            VideoRepository videos = repository(ds);
            videos.insert(5, 1, "Title", "Desc", List.of("a", "b"), Visibility.PUBLIC, Instant.ofEpochMilli(1000));
            Video created = videos.findById(5).orElseThrow();
            assertThat(created.state()).isEqualTo(VideoState.UPLOADING);
            assertThat(created.ownerName()).isEqualTo("Dana");
            assertThat(created.tags()).containsExactly("a", "b");
            assertThat(videos.markProcessing(5, 1234)).isTrue();
            assertThat(videos.markProcessing(5, 1234)).isFalse();
            videos.updateProgress(5, 42);
            videos.updateProbe(5, 12.5, 1280, 720);
            assertThat(videos.findById(5).orElseThrow().progress()).isEqualTo(42);
            var ladder = List.of(new Video.Rendition(1280, 720, 3_000_000), new Video.Rendition(640, 360, 900_000));
            assertThat(videos.markReady(5, ladder, Instant.ofEpochMilli(2000))).isTrue();
            assertThat(videos.markReady(5, ladder, Instant.ofEpochMilli(3000))).isFalse();
            Video ready = videos.findById(5).orElseThrow();
            assertThat(ready.state()).isEqualTo(VideoState.READY);
            assertThat(ready.publishedAt()).isEqualTo(Instant.ofEpochMilli(2000));
            assertThat(ready.renditions()).isEqualTo(ladder);
            assertThat(ready.durationSeconds()).isEqualTo(12.5);
            assertThat(videos.incrementAttempts(5)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.platform.testing.Databases#engines")
    void listingPagesThroughPublicReadyVideosNewestFirst(String engine) {
        try (HikariDataSource ds = Databases.open(engine, tmp)) {
            VideoRepository videos = repository(ds);
            for (int i = 1; i <= 5; i++) {
                videos.insert(i, 1, "v" + i, "", List.of(), i == 3 ? Visibility.PRIVATE : Visibility.PUBLIC, Instant.ofEpochMilli(i));
                videos.markProcessing(i, 1);
                if (i != 4) videos.markReady(i, List.of(), Instant.ofEpochMilli(100 + i));
            }
            List<Video> first = videos.listPublic(null, null, true, 2);
            assertThat(first).extracting(Video::id).containsExactly(5L, 2L);
            Video last = first.getLast();
            List<Video> second = videos.listPublic(last.publishedAt().toEpochMilli(), last.id(), true, 2);
            assertThat(second).extracting(Video::id).containsExactly(1L);
            assertThat(videos.listByOwner(1, false, 10)).hasSize(5);
            assertThat(videos.listByOwner(1, true, 10)).extracting(Video::id).containsExactly(5L, 2L, 1L);
            assertThat(videos.delete(5)).isTrue();
            assertThat(videos.findById(5)).isEmpty();
        }
    }
}
