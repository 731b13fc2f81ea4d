package dev.marquee.platform.live.internal;

import dev.marquee.platform.video.PlaybackUrls;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoJson;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.video.VideoState;
import dev.marquee.platform.video.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A channel's past streams: for its streamer, newest first, as a stream dashboard shows them (when, how long,
 * the most viewers at once, what became of the replay; peaks are theirs to know), and for anyone, the last one
 * they can still watch.
 */
@Component
class PastStreams {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    /** Sessions looked at for the last watchable one: the newest replays may be private, deleted or not ready yet. */
    private static final int REPLAYS_LOOKED_AT = 5;

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
    private final PlaybackUrls playback;

    PastStreams(LiveSessionRepository sessions, VideoService videos, PlaybackUrls playback) {
        this.sessions = sessions;
        this.videos = videos;
        this.playback = playback;
    }

    /** The streamer's own list. */
    List<PastStreamJson> of(long userId, int limit) {
        return sessions.ofUser(userId, Math.clamp(limit, 1, MAX_LIMIT)).stream().map(this::json).toList();
    }

    /** The newest replay anyone may watch, for the offline live page: what a visitor who came too late wants. */
    @Nullable VideoJson lastWatchable(long userId) {
        return sessions.recentReplays(userId, REPLAYS_LOOKED_AT).stream()
                .map(id -> videos.find(id).orElse(null))
                .filter(Objects::nonNull)
                .filter(v -> v.visibility() == Visibility.PUBLIC && v.state() == VideoState.READY)
                .findFirst()
                .map(v -> VideoJson.of(v, playback))
                .orElse(null);
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
