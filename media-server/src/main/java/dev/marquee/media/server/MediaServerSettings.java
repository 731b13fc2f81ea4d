package dev.marquee.media.server;

import dev.marquee.media.live.LiveSettings;
import dev.marquee.media.server.spi.PlaybackAuthorizer;
import dev.marquee.media.server.spi.PublishAuthorizer;
import dev.marquee.media.server.spi.StreamLifecycleListener;
import dev.marquee.media.server.spi.UrlSigner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the media ports run. Nulls take defaults: host 127.0.0.1, no CORS origins, playlists cached 10 s,
 * idle connections closed after 60 s, one worker thread per core, 64 MB for small files in memory, RTMP on
 * 1935 where nobody may publish, anyone may watch and nobody is told about streams, media-live's defaults.
 *
 * @param host                address to bind (both ports)
 * @param port                HTTP media port to bind, 0 for any free one
 * @param mediaRoot           directory holding {@code videos/{videoId}/...}
 * @param signer              checks the token in {@code /vod/{token}/{videoId}/...}
 * @param allowedOrigins      origins whose pages may read media responses ({@code "*"} for any)
 * @param playlistMaxAge      {@code max-age} of {@code .m3u8} responses; other files are immutable
 * @param idleTimeout         a connection with no traffic either way for this long is closed; a live viewer
 *                            that takes no bytes for this long, too
 * @param workerThreads       event loop threads for connections, 0 for one per core
 * @param smallFileCacheBytes memory for files of at most 64 KB served from RAM, 0 to disable
 * @param rtmpPort            RTMP port to bind (publish and play), 0 for any free one
 * @param publishAuthorizer   which stream key publishes which stream
 * @param playbackAuthorizer  who may watch a live stream
 * @param lifecycleListener   told when streams start and end and when their audience changes
 * @param liveSettings        live fan-out tuning: flush interval, backlogs, GOP cache, reconnect grace
 */
public record MediaServerSettings(String host, int port, Path mediaRoot, UrlSigner signer, List<String> allowedOrigins,
                                  Duration playlistMaxAge, Duration idleTimeout, int workerThreads,
                                  long smallFileCacheBytes, int rtmpPort, PublishAuthorizer publishAuthorizer,
                                  PlaybackAuthorizer playbackAuthorizer, StreamLifecycleListener lifecycleListener,
                                  LiveSettings liveSettings) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    public static final int DEFAULT_RTMP_PORT = 1935;
    public static final Duration DEFAULT_PLAYLIST_MAX_AGE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_SMALL_FILE_CACHE_BYTES = 64L * 1024 * 1024;

    public MediaServerSettings {
        Objects.requireNonNull(mediaRoot, "mediaRoot");
        Objects.requireNonNull(signer, "signer");
        if (host == null || host.isBlank()) host = DEFAULT_HOST;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
        if (rtmpPort < 0 || rtmpPort > 65535) throw new IllegalArgumentException("rtmpPort out of range: " + rtmpPort);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        if (playlistMaxAge == null) playlistMaxAge = DEFAULT_PLAYLIST_MAX_AGE;
        if (playlistMaxAge.isNegative()) throw new IllegalArgumentException("playlistMaxAge must not be negative");
        if (idleTimeout == null) idleTimeout = DEFAULT_IDLE_TIMEOUT;
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("idleTimeout must be positive");
        if (workerThreads < 0) throw new IllegalArgumentException("workerThreads must not be negative");
        if (smallFileCacheBytes < 0) throw new IllegalArgumentException("smallFileCacheBytes must not be negative");
        if (publishAuthorizer == null) publishAuthorizer = PublishAuthorizer.REFUSE_ALL;
        if (playbackAuthorizer == null) playbackAuthorizer = PlaybackAuthorizer.OPEN;
        if (lifecycleListener == null) lifecycleListener = StreamLifecycleListener.NONE;
        if (liveSettings == null) liveSettings = LiveSettings.defaults();
    }

    /** The VOD settings; RTMP and live take their defaults. */
    public MediaServerSettings(String host, int port, Path mediaRoot, UrlSigner signer, List<String> allowedOrigins,
                               Duration playlistMaxAge, Duration idleTimeout, int workerThreads, long smallFileCacheBytes) {
        this(host, port, mediaRoot, signer, allowedOrigins, playlistMaxAge, idleTimeout, workerThreads,
                smallFileCacheBytes, DEFAULT_RTMP_PORT, null, null, null, null);
    }

    /** The six settings the control plane configures; the tuning ones take their defaults. */
    public MediaServerSettings(String host, int port, Path mediaRoot, UrlSigner signer, List<String> allowedOrigins,
                               Duration playlistMaxAge) {
        this(host, port, mediaRoot, signer, allowedOrigins, playlistMaxAge, DEFAULT_IDLE_TIMEOUT, 0,
                DEFAULT_SMALL_FILE_CACHE_BYTES);
    }

    /** Defaults everywhere: 127.0.0.1:8081 and RTMP on 1935, no CORS origins, nobody may publish. */
    public static MediaServerSettings of(Path mediaRoot, UrlSigner signer) {
        return new MediaServerSettings(DEFAULT_HOST, DEFAULT_PORT, mediaRoot, signer, List.of(), DEFAULT_PLAYLIST_MAX_AGE);
    }

    public MediaServerSettings withPort(int port) {
        return edit(draft -> draft.port = port);
    }

    public MediaServerSettings withAllowedOrigins(List<String> allowedOrigins) {
        return edit(draft -> draft.allowedOrigins = allowedOrigins);
    }

    public MediaServerSettings withIdleTimeout(Duration idleTimeout) {
        return edit(draft -> draft.idleTimeout = idleTimeout);
    }

    public MediaServerSettings withWorkerThreads(int workerThreads) {
        return edit(draft -> draft.workerThreads = workerThreads);
    }

    public MediaServerSettings withRtmpPort(int rtmpPort) {
        return edit(draft -> draft.rtmpPort = rtmpPort);
    }

    public MediaServerSettings withPublishAuthorizer(PublishAuthorizer publishAuthorizer) {
        return edit(draft -> draft.publishAuthorizer = publishAuthorizer);
    }

    public MediaServerSettings withPlaybackAuthorizer(PlaybackAuthorizer playbackAuthorizer) {
        return edit(draft -> draft.playbackAuthorizer = playbackAuthorizer);
    }

    public MediaServerSettings withLifecycleListener(StreamLifecycleListener lifecycleListener) {
        return edit(draft -> draft.lifecycleListener = lifecycleListener);
    }

    public MediaServerSettings withLiveSettings(LiveSettings liveSettings) {
        return edit(draft -> draft.liveSettings = liveSettings);
    }

    /** Worker threads actually used: the configured count, or one per core. */
    public int effectiveWorkerThreads() {
        return workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
    }

    /** A copy with one setting changed, checked and defaulted by the canonical constructor like any other. */
    private MediaServerSettings edit(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.settings();
    }

    /** The settings as mutable fields, so each {@code with...} names only the one it changes. */
    private static final class Draft {
        String host;
        int port;
        Path mediaRoot;
        UrlSigner signer;
        List<String> allowedOrigins;
        Duration playlistMaxAge;
        Duration idleTimeout;
        int workerThreads;
        long smallFileCacheBytes;
        int rtmpPort;
        PublishAuthorizer publishAuthorizer;
        PlaybackAuthorizer playbackAuthorizer;
        StreamLifecycleListener lifecycleListener;
        LiveSettings liveSettings;

        Draft(MediaServerSettings s) {
            host = s.host;
            port = s.port;
            mediaRoot = s.mediaRoot;
            signer = s.signer;
            allowedOrigins = s.allowedOrigins;
            playlistMaxAge = s.playlistMaxAge;
            idleTimeout = s.idleTimeout;
            workerThreads = s.workerThreads;
            smallFileCacheBytes = s.smallFileCacheBytes;
            rtmpPort = s.rtmpPort;
            publishAuthorizer = s.publishAuthorizer;
            playbackAuthorizer = s.playbackAuthorizer;
            lifecycleListener = s.lifecycleListener;
            liveSettings = s.liveSettings;
        }

        MediaServerSettings settings() {
            return new MediaServerSettings(host, port, mediaRoot, signer, allowedOrigins, playlistMaxAge, idleTimeout,
                    workerThreads, smallFileCacheBytes, rtmpPort, publishAuthorizer, playbackAuthorizer, lifecycleListener,
                    liveSettings);
        }
    }
}
