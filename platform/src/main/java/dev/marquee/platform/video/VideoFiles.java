package dev.marquee.platform.video;

import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.id.PublicId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Where a video's bytes live under the data directory: the uploaded original, scratch space for the
 * transcoder, and the finished media the media server serves ({@code media/videos/{id}/}).
 */
@Component
public class VideoFiles {
    private final Path originals;
    private final Path work;
    private final Path published;

    public VideoFiles(MarqueeProperties props) {
        this.originals = props.dataDir().resolve("originals").toAbsolutePath();
        this.work = props.mediaDir().resolve("work").toAbsolutePath();
        this.published = props.mediaDir().resolve("videos").toAbsolutePath();
    }

    public Path original(long videoId) {
        return originals.resolve(PublicId.encode(videoId));
    }

    public Path media(long videoId) {
        return published.resolve(PublicId.encode(videoId));
    }

    /** A fresh, empty directory on the same file system as the media, so the result can be renamed in. */
    public Path newWorkDir(long videoId) {
        try {
            Path dir = work.resolve(PublicId.encode(videoId) + "-" + UUID.randomUUID());
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path workRoot() {
        return work;
    }

    public Path originalsDir() {
        return originals;
    }

    public Path publishedDir() {
        return published;
    }

    /** Deletes a file or a directory tree; absent is fine. */
    public static void deleteRecursively(Path path) {
        if (path == null || !Files.exists(path)) return;
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException ignored) {
            // raced with another delete: the goal is reached
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
