package dev.marquee.media.server.live;

import dev.marquee.media.live.LiveSettings;
import dev.marquee.media.server.MediaServer;
import dev.marquee.media.server.MediaServerSettings;
import dev.marquee.media.server.spi.LivePaths;
import dev.marquee.media.server.spi.PlaybackAuthorizer;
import dev.marquee.media.server.spi.StreamLifecycleListener;
import dev.marquee.media.server.spi.UrlSigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A media server on free loopback ports where stream key {@link #KEY} publishes "alice" and {@link #BOB_KEY}
 * "bob"; watching takes a signed token; lifecycle calls are recorded.
 */
final class LiveTestServer implements AutoCloseable {
    static final String KEY = "live_alice-key";
    static final String BOB_KEY = "live_bob-key";
    static final String ORIGIN = "http://127.0.0.1:8080";

    final UrlSigner signer = new UrlSigner("live-it-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    final List<String> events = new CopyOnWriteArrayList<>();
    final MediaServer server;

    LiveTestServer(Path mediaRoot, Duration grace) {
        Map<String, String> keys = Map.of(KEY, "alice", BOB_KEY, "bob");
        server = new MediaServer(MediaServerSettings.of(mediaRoot, signer).withPort(0).withRtmpPort(0)
                .withAllowedOrigins(List.of(ORIGIN))
                .withPublishAuthorizer((app, key) -> "live".equals(app) ? Optional.ofNullable(keys.get(key)) : Optional.empty())
                .withPlaybackAuthorizer(PlaybackAuthorizer.signedBy(signer))
                .withLifecycleListener(new StreamLifecycleListener() {
                    @Override
                    public void streamStarted(String name) {
                        events.add("started " + name);
                    }

                    @Override
                    public void streamEnded(String name) {
                        events.add("ended " + name);
                    }

                    @Override
                    public void viewersChanged(String name, int viewers) {
                        events.add("viewers " + name + " " + viewers);
                    }
                })
                .withLiveSettings(LiveSettings.defaults().withRepublishGrace(grace)));
        server.start();
    }

    String token(String stream) {
        return LivePaths.token(signer, stream, Instant.now().plusSeconds(300));
    }

    /** {@code /live/{stream}.flv?token=...} */
    String flvPath(String stream) {
        return LivePaths.signedFlv(signer, stream, Instant.now().plusSeconds(300));
    }

    String flvUrl(String stream) {
        return "http://127.0.0.1:" + server.port() + flvPath(stream);
    }

    String rtmpUrl(String streamOrKey) {
        return "rtmp://127.0.0.1:" + server.rtmpPort() + "/live/" + streamOrKey;
    }

    /** Waits until a publisher's first keyframe is in, so viewers start at once. */
    void awaitLive(String stream, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (server.liveRegistry().source(stream).map(s -> s.isPublishing()).orElse(false)) {
                TimeUnit.MILLISECONDS.sleep(1200); // a GOP (1 s at -g 30) so the GOP cache holds a keyframe
                return;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new AssertionError(stream + " did not go live");
    }

    @Override
    public void close() {
        server.close();
    }
}
