package dev.marquee.platform.video.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.id.IdGenerator;
import dev.marquee.platform.id.PublicId;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoFiles;
import dev.marquee.platform.video.VideoPublished;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.video.VideoState;
import dev.marquee.platform.video.VideoUploaded;
import dev.marquee.platform.video.Visibility;
import dev.marquee.platform.web.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

@Service
class DefaultVideoService implements VideoService {
    private static final Logger log = LoggerFactory.getLogger(DefaultVideoService.class);

    private final VideoRepository videos;
    private final VideoFiles files;
    private final IdGenerator ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefaultVideoService(VideoRepository videos, VideoFiles files, IdGenerator ids, ApplicationEventPublisher events, Clock clock) {
        this.videos = videos;
        this.files = files;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Video create(CurrentUser owner, String title, String description, List<String> tags, Visibility visibility) {
        long id = ids.next();
        videos.insert(id, owner.id(), title, description, tags, visibility, clock.instant());
        return videos.findById(id).orElseThrow();
    }

    @Override
    public Optional<Video> find(long id) {
        return videos.findById(id);
    }

    @Override
    public Video requireVisible(String publicId, CurrentUser viewer) {
        Video video = PublicId.decode(publicId).flatMap(videos::findById)
                .orElseThrow(() -> ProblemException.notFound("No such video."));
        boolean privileged = viewer != null && viewer.mayModify(video.ownerId());
        boolean open = video.visibility() != Visibility.PRIVATE && video.state() == VideoState.READY;
        if (!privileged && !open) throw ProblemException.notFound("No such video.");
        return video;
    }

    @Override
    public Video requireModifiable(String publicId, CurrentUser user) {
        Video video = requireVisible(publicId, user);
        if (!user.mayModify(video.ownerId())) throw ProblemException.forbidden("Only the owner or an admin may change this video.");
        return video;
    }

    @Override
    public void uploadFinished(long videoId, Path source, long bytes) {
        Path original = files.original(videoId);
        try {
            Files.createDirectories(original.getParent());
            Files.move(source, original, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the upload of video " + videoId, e);
        }
        if (videos.markProcessing(videoId, bytes)) events.publishEvent(new VideoUploaded(videoId));
    }

    @Override
    public void reportProbe(long videoId, double durationSeconds, int width, int height) {
        videos.updateProbe(videoId, durationSeconds, width, height);
    }

    @Override
    public void reportProgress(long videoId, int percent) {
        videos.updateProgress(videoId, Math.max(0, Math.min(99, percent)));
    }

    @Override
    public void reportReady(long videoId, Path outputDir, List<Video.Rendition> renditions) {
        Path target = files.media(videoId);
        try {
            Files.createDirectories(target.getParent());
            VideoFiles.deleteRecursively(target); // a previous attempt that died after its rename
            Files.move(outputDir, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the media of video " + videoId, e);
        }
        Optional<Video> video = videos.findById(videoId);
        if (video.isEmpty()) { // deleted while it was being processed
            VideoFiles.deleteRecursively(target);
            return;
        }
        if (videos.markReady(videoId, renditions, clock.instant())) {
            events.publishEvent(new VideoPublished(videoId, video.get().ownerId(), video.get().title()));
        }
    }

    @Override
    public void reportFailed(long videoId, String reason, boolean removeOriginal) {
        log.info("Video {} failed: {}", PublicId.encode(videoId), reason);
        videos.markFailed(videoId, reason);
        if (removeOriginal) VideoFiles.deleteRecursively(files.original(videoId));
    }

    @Override
    public int countAttempt(long videoId) {
        return videos.incrementAttempts(videoId);
    }

    @Override
    public void delete(Video video) {
        videos.delete(video.id());
        VideoFiles.deleteRecursively(files.media(video.id()));
        VideoFiles.deleteRecursively(files.original(video.id()));
    }
}
