package dev.marquee.platform.video;

import dev.marquee.platform.account.CurrentUser;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Everything other features may do with videos. */
public interface VideoService {

    Video create(CurrentUser owner, String title, String description, List<String> tags, Visibility visibility);

    Optional<Video> find(long id);

    /** The video if this viewer (null when signed out) may see it; 404 otherwise. */
    Video requireVisible(String publicId, CurrentUser viewer);

    /** The video if this user may change it; 404 when unknown or invisible, 403 when someone else's. */
    Video requireModifiable(String publicId, CurrentUser user);

    /** The upload finished: the file at {@code source} becomes the video's original and processing starts. */
    void uploadFinished(long videoId, Path source, long bytes);

    void reportProbe(long videoId, double durationSeconds, int width, int height);

    void reportProgress(long videoId, int percent);

    /** The transcoded files in {@code outputDir} become the video's media, atomically, and it is ready. */
    void reportReady(long videoId, Path outputDir, List<Video.Rendition> renditions);

    /** Processing ended for good; the reason is shown to the owner. */
    void reportFailed(long videoId, String reason, boolean removeOriginal);

    /** Counts one transcode attempt and returns how many there have been. */
    int countAttempt(long videoId);

    void delete(Video video);
}
