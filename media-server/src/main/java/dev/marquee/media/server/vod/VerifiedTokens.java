package dev.marquee.media.server.vod;

import dev.marquee.media.server.spi.UrlSigner;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that already passed the HMAC check, until they expire: a player fetches hundreds of
 * segments with one token, and recomputing the MAC for each would cost more than serving a small segment.
 */
final class VerifiedTokens {
    private static final int MAX_ENTRIES = 8192;

    private record Key(String videoId, String token) {
    }

    private final UrlSigner signer;
    private final ConcurrentHashMap<Key, Long> expiries = new ConcurrentHashMap<>();

    VerifiedTokens(UrlSigner signer) {
        this.signer = signer;
    }

    boolean verify(String videoId, String token, long nowEpochSeconds) {
        Key key = new Key(videoId, token);
        Long expiry = expiries.get(key);
        if (expiry != null) {
            if (expiry >= nowEpochSeconds) return true;
            expiries.remove(key);
            return false;
        }
        if (!signer.verify(videoId, token, Instant.ofEpochSecond(nowEpochSeconds))) return false;
        long parsed = expiryOf(token);
        if (parsed >= 0) {
            // Crude bound: flushing everything is rare and only costs one MAC per active token.
            if (expiries.size() >= MAX_ENTRIES) expiries.clear();
            expiries.put(key, parsed);
        }
        return true;
    }

    /** The expiry the token carries in front of its dash (see {@link UrlSigner}), or -1. */
    private static long expiryOf(String token) {
        int dash = token.indexOf('-');
        if (dash <= 0) return -1;
        try {
            return Long.parseLong(token, 0, dash, 10);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    int size() {
        return expiries.size();
    }
}
