package dev.marquee.platform.transcode;

import dev.marquee.platform.video.VideoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes scratch directories that a crashed transcode left behind (a job that finishes or fails
 * cleans its own). Only old ones: a running job touches its directory all the time.
 */
@Component
class WorkDirSweeper {
    private static final Logger log = LoggerFactory.getLogger(WorkDirSweeper.class);
    static final Duration ABANDONED_AFTER = Duration.ofHours(6);

    private final Path workRoot;

    WorkDirSweeper(VideoFiles files) {
        this.workRoot = files.workRoot();
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    void sweep() {
        if (!Files.isDirectory(workRoot)) return;
        Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
        try (Stream<Path> dirs = Files.list(workRoot)) {
            dirs.filter(d -> lastTouched(d).isBefore(cutoff)).forEach(d -> {
                log.info("Removing abandoned transcode scratch directory {}", d.getFileName());
                VideoFiles.deleteRecursively(d);
            });
        } catch (IOException e) {
            log.warn("Could not sweep {}: {}", workRoot, e.getMessage());
        }
    }

    private static Instant lastTouched(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant();
                } catch (IOException e) {
                    return Instant.EPOCH;
                }
            }).max(Instant::compareTo).orElse(Instant.EPOCH);
        } catch (IOException e) {
            return Instant.now(); // unreadable now: leave it for the next sweep
        }
    }
}
