package dev.marquee.platform.live.internal;

import dev.marquee.media.server.spi.LivePaths;
import dev.marquee.media.server.spi.PlaybackAuthorizer;
import dev.marquee.media.server.spi.UrlSigner;
import dev.marquee.platform.live.LiveChannel;
import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.video.PlaybackUrls;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where OBS publishes and where viewers fetch a channel's live stream. Playback URLs are signed like the
 * videos' (a token that expires with the same window), and the media plane refuses live playback without one.
 */
@Configuration(proxyBeanMethods = false)
class LiveUrls {
    private final String ingest;
    private final String site;
    private final String media;
    private final String mediaOnThisNode;
    private final String rtmpPlay;
    private final UrlSigner signer;
    private final PlaybackUrls playback;

    LiveUrls(MarqueeProperties props, UrlSigner signer, PlaybackUrls playback) {
        String host = URI.create(props.publicUrl()).getHost(); // IPv6 hosts keep their brackets
        String base = "rtmp://" + (host == null ? props.bindHost() : host) + ":" + props.rtmpPort() + "/" + LivePublishAuthorizer.APP;
        this.ingest = base;
        this.rtmpPlay = base + "/";
        this.site = props.publicUrl();
        this.media = props.mediaPublicUrl();
        this.mediaOnThisNode = "http://" + loopbackFor(props.bindHost()) + ":" + props.mediaPort();
        this.signer = signer;
        this.playback = playback;
    }

    /** The media plane asks this before every live viewer (HTTP-FLV, HLS, RTMP play). */
    @Bean
    static PlaybackAuthorizer signedLivePlayback(UrlSigner signer) {
        return PlaybackAuthorizer.signedBy(signer);
    }

    /** The OBS "Server" setting. */
    String ingest() {
        return ingest;
    }

    /** HTTP-FLV, about a second behind the streamer (mpegts.js). */
    String flv(String username) {
        return media + LivePaths.signedFlv(signer, username, playback.expiry());
    }

    /** Live HLS, for browsers without Media Source Extensions; the playlist passes the token on to its segments. */
    String hls(String username) {
        return media + "/live/" + username + "/index.m3u8?token=" + token(username);
    }

    /** RTMP play, for players such as ffmpeg, VLC or rtmpdump. */
    String rtmp(String username) {
        return rtmpPlay + username + "?token=" + token(username);
    }

    /**
     * This node's own live HLS, fetched over loopback whatever the public address (e.g. a CDN in front), by the
     * site itself: not counted as a viewer.
     */
    String hlsOnThisNode(String username) {
        return mediaOnThisNode + "/live/" + username + "/index.m3u8?token=" + token(username) + "&" + LivePaths.UNCOUNTED_PARAMETER + "=1";
    }

    /** The picture on the channel's cards, absolute; null before the first. */
    String preview(LiveChannel channel) {
        String path = channel.previewPath();
        return path == null ? null : site + path;
    }

    /** Where this node's own listening socket is reached: a wildcard bind listens on loopback too. */
    static String loopbackFor(String bindHost) {
        return switch (bindHost) {
            case "0.0.0.0", "*" -> "127.0.0.1";
            case "::", "[::]", "::0" -> "[::1]";
            default -> bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
        };
    }

    private String token(String username) {
        return URLEncoder.encode(LivePaths.token(signer, username, playback.expiry()), StandardCharsets.UTF_8);
    }
}
