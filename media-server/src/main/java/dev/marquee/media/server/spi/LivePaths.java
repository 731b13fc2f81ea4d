package dev.marquee.media.server.spi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The live paths the media port serves, to append to the public media base URL: {@code /live/{stream}.flv}
 * (HTTP-FLV), optionally with {@code ?token=} for a {@link PlaybackAuthorizer} that wants one. RTMP players
 * use {@code rtmp://host:rtmpPort/live/{stream}} (with the same {@code ?token=} when needed).
 */
public final class LivePaths {
    /**
     * A query parameter ({@code &uncounted=1}) for the live HLS playlist: the fetcher is the site itself (taking
     * a preview picture), not a viewer, so its segment downloads stay out of the viewer count. The playlist
     * passes it on to its segments with the token.
     */
    public static final String UNCOUNTED_PARAMETER = "uncounted";

    private LivePaths() {
    }

    /** {@code /live/{stream}.flv}. */
    public static String flv(String stream) {
        return "/live/" + stream + ".flv";
    }

    /** {@code /live/{stream}.flv?token=...}, the token valid until {@code expiry}; see {@link PlaybackAuthorizer#signedBy}. */
    public static String signedFlv(UrlSigner signer, String stream, Instant expiry) {
        return flv(stream) + "?token=" + URLEncoder.encode(token(signer, stream, expiry), StandardCharsets.UTF_8);
    }

    /** A playback token for one stream, as {@link PlaybackAuthorizer#signedBy} checks it. */
    public static String token(UrlSigner signer, String stream, Instant expiry) {
        return signer.token(scope(stream), expiry);
    }

    /** What a live token is scoped to; cannot collide with a video id. */
    static String scope(String stream) {
        return "live/" + stream;
    }
}
