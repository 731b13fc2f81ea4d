package dev.marquee.app;

import dev.marquee.media.server.MediaServer;
import dev.marquee.media.live.LiveSettings;
import dev.marquee.media.server.MediaServerSettings;
import dev.marquee.media.server.spi.LiveIngest;
import dev.marquee.media.server.spi.PlaybackAuthorizer;
import dev.marquee.media.server.spi.PublishAuthorizer;
import dev.marquee.media.server.spi.StreamLifecycleListener;
import dev.marquee.media.server.spi.UrlSigner;
import dev.marquee.platform.config.MarqueeProperties;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the Netty media plane beside the control plane, sharing its URL-signing key and bind host. The
 * control plane answers the media plane's questions through SPI beans when it has them (who may publish,
 * who may watch, what to tell it about streams); without them nobody may publish, anyone may watch.
 */
@Configuration(proxyBeanMethods = false)
class MediaPlane {

    @Bean
    MediaServer mediaServer(MarqueeProperties props, UrlSigner signer, ObjectProvider<PublishAuthorizer> publish,
                            ObjectProvider<PlaybackAuthorizer> playback, ObjectProvider<StreamLifecycleListener> lifecycle) {
        return new MediaServer(new MediaServerSettings(props.bindHost(), props.mediaPort(),
                props.mediaDir().toAbsolutePath(), signer, List.of(origin(props.publicUrl())), null)
                .withRtmpPort(props.rtmpPort())
                .withPublishAuthorizer(publish.getIfAvailable(() -> PublishAuthorizer.REFUSE_ALL))
                .withPlaybackAuthorizer(playback.getIfAvailable(() -> PlaybackAuthorizer.OPEN))
                .withLifecycleListener(lifecycle.getIfAvailable(() -> StreamLifecycleListener.NONE))
                .withLiveSettings(LiveSettings.defaults().withFlushInterval(props.liveFlushInterval())));
    }

    /** The control plane asks the media plane what a streamer's OBS is sending. */
    @Bean
    LiveIngest liveIngest(MediaServer server) {
        return server.liveIngest();
    }

    @Bean
    SmartLifecycle mediaServerLifecycle(MediaServer server) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                server.start();
                running = true;
            }

            @Override
            public void stop() {
                server.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    @Bean
    ReadyAnnouncer readyAnnouncer(MarqueeProperties props, MediaServer media) {
        return new ReadyAnnouncer(props, media);
    }

    /** The scheme, host and port of a URL: what a browser sends as Origin. */
    static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
