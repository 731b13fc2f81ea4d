package dev.marquee.platform.live.internal;

import dev.marquee.platform.live.ReplayReady;
import dev.marquee.platform.video.VideoPublished;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.video.Visibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells when a video that became watchable is a live session's replay, which viewers may be waiting for. */
@Component
class ReplayReadiness {
    /** A replay is the newest session's when it is published; a few more cover a channel streaming again meanwhile. */
    private static final int SESSIONS_LOOKED_AT = 5;

    private final LiveSessionRepository sessions;
    private final VideoService videos;
    private final ApplicationEventPublisher events;

    ReplayReadiness(LiveSessionRepository sessions, VideoService videos, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.videos = videos;
        this.events = events;
    }

    @EventListener
    void videoPublished(VideoPublished published) {
        if (!sessions.recentReplays(published.ownerId(), SESSIONS_LOOKED_AT).contains(published.videoId())) return;
        boolean open = videos.find(published.videoId()).filter(v -> v.visibility() == Visibility.PUBLIC).isPresent();
        if (open) events.publishEvent(new ReplayReady(published.ownerId(), published.videoId(), published.title()));
    }
}
