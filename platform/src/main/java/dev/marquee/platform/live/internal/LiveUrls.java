package dev.marquee.platform.live.internal;

import dev.marquee.platform.config.MarqueeProperties;
import java.net.URI;
import org.springframework.stereotype.Component;

/** Where OBS publishes and where viewers fetch a channel's live stream. */
@Component
class LiveUrls {
    private final String ingest;
    private final String media;

    LiveUrls(MarqueeProperties props) {
        String host = URI.create(props.publicUrl()).getHost(); // IPv6 hosts keep their brackets
        this.ingest = "rtmp://" + (host == null ? props.bindHost() : host) + ":" + props.rtmpPort() + "/" + LivePublishAuthorizer.APP;
        this.media = props.mediaPublicUrl();
    }

    /** The OBS "Server" setting. */
    String ingest() {
        return ingest;
    }

    /** HTTP-FLV, about a second behind the streamer (mpegts.js). */
    String flv(String username) {
        return media + "/live/" + username + ".flv";
    }

    /** Live HLS, for browsers without Media Source Extensions. */
    String hls(String username) {
        return media + "/live/" + username + "/index.m3u8";
    }
}
