package dev.marquee.platform.live.internal;

import dev.marquee.platform.config.Secrets;
import dev.marquee.platform.live.StreamKeyService;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;

/**
 * Keys are derived, not stored: {@code live_} + base64url(HMAC-SHA256(site secret, userId:salt)), 48
 * characters. The database keeps the salt (to show the owner the same key again) and the key's SHA-256
 * (to find its owner when OBS publishes); a copy of the database alone opens no channel.
 */
@Service
class DefaultStreamKeyService implements StreamKeyService {
    static final String PREFIX = "live_";
    private static final int MAX_KEY_LENGTH = 128;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ChannelRepository channels;
    private final SecretKeySpec derivationKey;
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    DefaultStreamKeyService(ChannelRepository channels, Secrets secrets, Clock clock) {
        this.channels = channels;
        this.derivationKey = new SecretKeySpec(secrets.derive("stream-key"), "HmacSHA256");
        this.clock = clock;
    }

    @Override
    public String currentKey(long userId) {
        ChannelRepository.StoredKey stored = channels.findKey(userId).orElseGet(() -> {
            String salt = newSalt();
            channels.insertKeyIfAbsent(userId, salt, sha256(derive(userId, salt)), clock.instant());
            return channels.findKey(userId).orElseThrow();
        });
        String key = derive(userId, stored.salt());
        String hash = sha256(key);
        // The site secret changed since the key was made: the key shown now must be the one that works.
        if (!hash.equals(stored.keyHash())) channels.updateHash(userId, stored.salt(), hash);
        return key;
    }

    @Override
    public String rotate(long userId) {
        String salt = newSalt();
        String key = derive(userId, salt);
        channels.replaceKey(userId, salt, sha256(key), clock.instant());
        return key;
    }

    @Override
    public Optional<Long> ownerOf(String streamKey) {
        if (streamKey == null || streamKey.length() > MAX_KEY_LENGTH || !streamKey.startsWith(PREFIX)) return Optional.empty();
        return channels.userIdByKeyHash(sha256(streamKey));
    }

    private String newSalt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return BASE64URL.encodeToString(salt);
    }

    private String derive(long userId, String salt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(derivationKey);
            return PREFIX + BASE64URL.encodeToString(mac.doFinal((userId + ":" + salt).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
