package dev.marquee.media.server.spi;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks media URLs. The token travels as a path segment
 * ({@code /vod/{token}/{videoId}/...}) so relative URIs inside playlists inherit it.
 * Token form: {@code {expiryEpochSeconds}-{base64url(HMAC-SHA256(key, scope + ":" + expiry))[0..22]}}.
 */
public final class UrlSigner {
    private static final int SIGNATURE_CHARS = 22; // 128 bits of the MAC is plenty against forgery
    private final SecretKeySpec key;

    public UrlSigner(byte[] secret) {
        if (secret.length < 16) throw new IllegalArgumentException("signing secret must be at least 16 bytes");
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** A token granting access to everything under {@code scope} (a video id) until {@code expiry}. */
    public String token(String scope, Instant expiry) {
        long exp = expiry.getEpochSecond();
        return exp + "-" + signature(scope, exp);
    }

    /** True when the token was made by {@link #token} for this scope and has not expired at {@code now}. */
    public boolean verify(String scope, String token, Instant now) {
        if (token == null) return false;
        int dash = token.indexOf('-');
        if (dash <= 0 || dash > 19) return false;
        long exp;
        try {
            exp = Long.parseLong(token, 0, dash, 10);
        } catch (NumberFormatException e) {
            return false;
        }
        if (exp < now.getEpochSecond()) return false;
        byte[] expected = signature(scope, exp).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dash + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private String signature(String scope, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] sig = mac.doFinal((scope + ":" + exp).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig).substring(0, SIGNATURE_CHARS);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
