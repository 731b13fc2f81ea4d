package dev.marquee.media.server.spi;

import java.time.Instant;

/** Builds the signed VOD paths the media port serves: {@code /vod/{token}/{videoId}/{relative path}}. */
public final class VodPaths {
    private VodPaths() {
    }

    /**
     * The path (to append to the public media base URL) of a file of a video, signed until {@code expiry}.
     * Relative URIs inside a playlist fetched this way resolve to paths carrying the same token.
     */
    public static String signed(UrlSigner signer, String videoId, String relativePath, Instant expiry) {
        String rel = relativePath.startsWith("/") ? relativePath.substring(1) : relativePath;
        return "/vod/" + signer.token(videoId, expiry) + "/" + videoId + "/" + rel;
    }
}
