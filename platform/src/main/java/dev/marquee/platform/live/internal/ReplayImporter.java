package dev.marquee.platform.live.internal;

import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.account.User;
import dev.marquee.platform.live.ReplayCreated;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.video.Visibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns a finished live session's recording into a video of the channel, through the same
 * pipeline as an upload (probe, ladder, storyboard), so the session can be watched again.
 */
@Component
class ReplayImporter {
    private static final Logger log = LoggerFactory.getLogger(ReplayImporter.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final AccountService accounts;
    private final VideoService videos;
    private final LiveSessionRepository sessions;
    private final ChannelRepository channels;
    private final ApplicationEventPublisher events;

    ReplayImporter(AccountService accounts, VideoService videos, LiveSessionRepository sessions,
                   ChannelRepository channels, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.videos = videos;
        this.sessions = sessions;
        this.channels = channels;
        this.events = events;
    }

    /**
     * Returns the replay video, or empty when the recording is unusable or the streamer keeps streams live-only
     * (it is then deleted).
     */
    Optional<Video> importRecording(String streamName, Path flv) {
        try {
            Optional<User> owner = accounts.findByUsername(streamName);
            if (owner.isEmpty() || !Files.isRegularFile(flv) || Files.size(flv) <= 13) { // 13 = FLV header only
                Files.deleteIfExists(flv);
                return Optional.empty();
            }
            User user = owner.get();
            if (!channels.savesReplays(user.id())) { // asked as the stream ends, so a change during the stream counts
                Files.deleteIfExists(flv);
                log.info("Not keeping {}'s live session: replays are off", user.username());
                return Optional.empty();
            }
            List<LiveSessionRepository.Session> recent = sessions.ofUser(user.id(), 1);
            String title = recent.isEmpty() || recent.getFirst().title() == null
                    ? user.username() + " live" : recent.getFirst().title();
            String when = recent.isEmpty() ? "" : " — " + DAY.format(recent.getFirst().startedAt());
            String replayTitle = (title + when);
            if (replayTitle.length() > 200) replayTitle = replayTitle.substring(0, 200);
            Video video = videos.create(new CurrentUser(user.id(), user.username(), user.role()), replayTitle,
                    "Replay of the live stream.", List.of("live", "replay"), Visibility.PUBLIC);
            videos.uploadFinished(video.id(), flv, Files.size(flv));
            // The recording is the user's newest session's (it ends with the stream); its chat follows it.
            if (!recent.isEmpty() && sessions.linkReplay(recent.getFirst().id(), video.id()))
                events.publishEvent(new ReplayCreated(recent.getFirst().id(), user.id(), video.id(), recent.getFirst().startedAt()));
            log.info("Replay of {}'s live session is video {}", user.username(), video.publicId());
            return Optional.of(video);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not keep the recording of {}: {}", streamName, e.toString());
            try {
                Files.deleteIfExists(flv);
            } catch (IOException ignored) {
                // nothing more to do
            }
            return Optional.empty();
        }
    }
}
