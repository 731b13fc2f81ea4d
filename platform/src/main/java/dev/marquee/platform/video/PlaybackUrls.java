package dev.marquee.platform.video;

import dev.marquee.media.server.spi.UrlSigner;
import dev.marquee.platform.config.MarqueeProperties;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Absolute, signed URLs of a video's files on the media host. Expiry is rounded up to a window so
 * that URLs stay the same for a while and caches (browser, CDN) keep hitting.
 */
@Component
public class PlaybackUrls {
    private final UrlSigner signer;
    private final String base;
    private final long ttlSeconds;
    private final Clock clock;

    public PlaybackUrls(UrlSigner signer, MarqueeProperties props, Clock clock) {
        this.signer = signer;
        this.base = props.mediaPublicUrl();
        this.ttlSeconds = Math.max(60, props.mediaUrlTtl().toSeconds());
        this.clock = clock;
    }

    public String file(Video video, String relativePath) {
        String id = video.publicId();
        return base + "/vod/" + signer.token(id, expiry()) + "/" + id + "/" + relativePath;
    }

    /** When a media URL signed now expires: between one and two TTL windows from now, the same all window long. */
    public Instant expiry() {
        long now = clock.instant().getEpochSecond();
        return Instant.ofEpochSecond((now / ttlSeconds + 2) * ttlSeconds);
    }

    public String hls(Video video) {
        return file(video, "master.m3u8");
    }

    public String thumbnail(Video video) {
        return file(video, "poster.jpg");
    }

    public String storyboard(Video video) {
        return file(video, "storyboard.vtt");
    }
}
