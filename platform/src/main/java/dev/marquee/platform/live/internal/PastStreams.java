package dev.marquee.platform.live.internal;

import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A streamer's own past streams, newest first, as a stream dashboard shows them: when, how long, the most
 * viewers at once, and what became of the replay. Only ever shown to the streamer (peaks are theirs to know).
 */
@Component
class PastStreams {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;

    /**
     * A stream's replay: the video's id and state ({@code processing}, {@code ready}, {@code failed}...), or state
     * {@code deleted} (id null) when the video is gone.
     */
    record ReplayJson(String id, String title, String state) {}

    /**
     * {@code endedAt} and {@code durationSeconds} null while the stream is live; {@code replay} null when the recording
     * was not kept (replays off, a stream too short to keep) or is still on its way to the pipeline.
     */
    record PastStreamJson(String title, Instant startedAt, Instant endedAt, Long durationSeconds, int peakViewers,
                          ReplayJson replay) {}

    private final LiveSessionRepository sessions;
    private final VideoService videos;

    PastStreams(LiveSessionRepository sessions, VideoService videos) {
        this.sessions = sessions;
        this.videos = videos;
    }

    List<PastStreamJson> of(long userId, int limit) {
        return sessions.ofUser(userId, Math.clamp(limit, 1, MAX_LIMIT)).stream().map(this::json).toList();
    }

    private PastStreamJson json(LiveSessionRepository.Session s) {
        Long seconds = s.endedAt() == null ? null : Duration.between(s.startedAt(), s.endedAt()).toSeconds();
        return new PastStreamJson(s.title(), s.startedAt(), s.endedAt(), seconds, s.peakViewers(), replay(s.replayVideoId()));
    }

    private ReplayJson replay(Long videoId) {
        if (videoId == null) return null;
        Optional<Video> video = videos.find(videoId);
        return video.map(v -> new ReplayJson(v.publicId(), v.title(), v.state().wireName()))
                .orElseGet(() -> new ReplayJson(null, null, "deleted"));
    }
}
