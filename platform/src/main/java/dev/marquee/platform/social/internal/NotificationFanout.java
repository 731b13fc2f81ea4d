package dev.marquee.platform.social.internal;

import dev.marquee.platform.id.IdGenerator;
import dev.marquee.platform.live.StreamStarted;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoPublished;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.video.Visibility;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a channel's subscribers when it publishes a public video or goes live. */
@Component
class NotificationFanout {
    private static final Logger log = LoggerFactory.getLogger(NotificationFanout.class);

    private final NotificationRepository notifications;
    private final VideoService videos;
    private final IdGenerator ids;
    private final Clock clock;

    NotificationFanout(NotificationRepository notifications, VideoService videos, IdGenerator ids, Clock clock) {
        this.notifications = notifications;
        this.videos = videos;
        this.ids = ids;
        this.clock = clock;
    }

    @EventListener
    void videoPublished(VideoPublished event) {
        // Unlisted and private videos are not announced; a notification must never leak them.
        Video video = videos.find(event.videoId()).filter(v -> v.visibility() == Visibility.PUBLIC).orElse(null);
        if (video == null) return;
        try {
            notifications.fanOutVideo(ids.next(), video.ownerId(), video.id(), video.title(), clock.instant());
        } catch (RuntimeException e) { // publishing the video must not fail because of its notifications
            log.error("Cannot notify the subscribers of {} about video {}", video.ownerName(), video.publicId(), e);
        }
    }

    @EventListener
    void streamStarted(StreamStarted event) {
        try {
            notifications.fanOutLive(ids.next(), event.userId(), event.title(), clock.instant());
        } catch (RuntimeException e) {
            log.error("Cannot notify the subscribers of {} that they went live", event.username(), e);
        }
    }
}
