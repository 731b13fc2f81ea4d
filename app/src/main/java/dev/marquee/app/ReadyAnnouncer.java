package dev.marquee.app;

import dev.marquee.media.server.MediaServer;
import dev.marquee.platform.config.MarqueeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/** Logs the one line scripts and people wait for, once every port is listening. */
class ReadyAnnouncer implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(Marquee.class);
    private final MarqueeProperties props;
    private final MediaServer media;

    ReadyAnnouncer(MarqueeProperties props, MediaServer media) {
        this.props = props;
        this.media = media;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        log.info("Marquee ready: {} (media {} on port {}, data in {})", props.publicUrl(), props.mediaPublicUrl(),
                media.port(), props.dataDir().toAbsolutePath().normalize());
    }
}
