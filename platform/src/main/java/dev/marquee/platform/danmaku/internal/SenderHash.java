package dev.marquee.platform.danmaku.internal;

import dev.marquee.platform.config.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The name a danmaku's sender goes by: 8 hex characters of an HMAC of the account id under a key derived from
 * the site secret, stable (viewers can block a sender) yet not reversible to the account without the secret.
 */
@Component
class SenderHash {
    private final SecretKeySpec key;

    SenderHash(Secrets secrets) {
        this.key = new SecretKeySpec(secrets.derive("danmaku-sender"), "HmacSHA256");
    }

    String ofUser(long userId) {
        return hash("user:" + userId);
    }

    /** Senders of an imported file live in their own namespace, so they never collide with our users. */
    String ofImported(String originalSender) {
        return hash("imported:" + originalSender);
    }

    private String hash(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
