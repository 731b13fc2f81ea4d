package dev.marquee.media.server.vod;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Maps a checked {@link VodPath} to a real file under {@code {mediaRoot}/videos/{videoId}/}. Symlinks are
 * resolved first and the result must still lie inside the video's directory and outside any hidden one,
 * so a link pointing elsewhere reads as "no such file".
 */
final class VodFileResolver {
    private final Path videosDir;
    private volatile Path realVideosDir;

    VodFileResolver(Path mediaRoot) {
        this.videosDir = mediaRoot.toAbsolutePath().normalize().resolve("videos");
    }

    Path resolve(VodPath path) throws VodRequestException {
        Path videoDir = realVideosDir().resolve(path.videoId());
        Path real;
        try {
            real = videoDir.resolve(path.relativePath()).toRealPath();
        } catch (IOException | SecurityException e) {
            throw VodRequestException.notFound();
        }
        if (!real.startsWith(videoDir) || real.equals(videoDir)) throw VodRequestException.notFound();
        for (Path name : videoDir.relativize(real)) {
            // In-progress output lives in dot directories; a link into one must not expose it.
            if (name.toString().startsWith(".")) throw VodRequestException.notFound();
        }
        return real;
    }

    /** The real path of {@code videos/}, looked up once it exists (the media root may be created after start). */
    private Path realVideosDir() throws VodRequestException {
        Path real = realVideosDir;
        if (real != null) return real;
        try {
            real = videosDir.toRealPath();
        } catch (IOException | SecurityException e) {
            throw VodRequestException.notFound();
        }
        realVideosDir = real;
        return real;
    }
}
