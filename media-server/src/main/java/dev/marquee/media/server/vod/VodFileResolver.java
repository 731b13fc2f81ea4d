package dev.marquee.media.server.vod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Maps a checked {@link VodPath} to a regular file under {@code {mediaRoot}/videos/{videoId}/}. The common case,
 * a path without symlinks, costs one {@code lstat} per component. A path through a symlink is resolved to its
 * real path, which must still lie inside the video's directory and outside any hidden one, so a link pointing
 * elsewhere reads as "no such file".
 */
final class VodFileResolver {
    private final Path videosDir;
    private volatile Path realVideosDir;

    /** A file that may be served, with the attributes read while checking it. */
    record VodFile(Path path, BasicFileAttributes attributes) {
    }

    VodFileResolver(Path mediaRoot) {
        this.videosDir = mediaRoot.toAbsolutePath().normalize().resolve("videos");
    }

    VodFile resolve(VodPath path) throws VodRequestException {
        Path videoDir = realVideosDir().resolve(path.videoId());
        Path current = videoDir;
        BasicFileAttributes attrs = lstat(current);
        int start = 0;
        String rel = path.relativePath();
        // Bounded by the path length: each pass consumes one segment.
        while (!attrs.isSymbolicLink()) {
            if (!attrs.isDirectory()) throw VodRequestException.notFound();
            int slash = rel.indexOf('/', start);
            String name = slash < 0 ? rel.substring(start) : rel.substring(start, slash);
            current = current.resolve(name);
            attrs = lstat(current);
            if (slash < 0) {
                if (attrs.isRegularFile()) return new VodFile(current, attrs);
                if (!attrs.isSymbolicLink()) throw VodRequestException.notFound();
                break;
            }
            start = slash + 1;
        }
        return resolveThroughLinks(videoDir, videoDir.resolve(rel));
    }

    /** Slow path for links: follow them all, then check where we ended up. */
    private static VodFile resolveThroughLinks(Path videoDir, Path candidate) throws VodRequestException {
        Path real;
        Path realVideoDir;
        try {
            real = candidate.toRealPath();
            realVideoDir = videoDir.toRealPath();
        } catch (IOException | SecurityException e) {
            throw VodRequestException.notFound();
        }
        // The video directory itself must be a real directory under videos/, not a link to elsewhere.
        if (!realVideoDir.equals(videoDir) || !real.startsWith(videoDir) || real.equals(videoDir)) {
            throw VodRequestException.notFound();
        }
        for (Path name : videoDir.relativize(real)) {
            // In-progress output lives in dot directories; a link into one must not expose it.
            if (name.toString().startsWith(".")) throw VodRequestException.notFound();
        }
        BasicFileAttributes attrs = lstat(real);
        if (!attrs.isRegularFile()) throw VodRequestException.notFound();
        return new VodFile(real, attrs);
    }

    private static BasicFileAttributes lstat(Path p) throws VodRequestException {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | SecurityException e) {
            throw VodRequestException.notFound();
        }
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
