package dev.marquee.media.rtmp.handshake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Flash Player 9 handshake digests. C1 and S1 are time, version and two 764-byte blocks; one
 * block carries a 32-byte HMAC-SHA256 digest of the rest of the 1536 bytes, at an offset given by the
 * sum of the block's first four bytes. In scheme 0 that block comes second (at 772), in scheme 1 first
 * (at 8). S2 ends with a digest keyed by the digest of C1's digest.
 */
final class HandshakeDigest {
    // declared first: the keys below are built from it
    private static final int[] KEY_TAIL = {
        0xF0, 0xEE, 0xC2, 0x4A, 0x80, 0x68, 0xBE, 0xE8, 0x2E, 0x00, 0xD0, 0xD1, 0x02, 0x9E, 0x7E, 0x57,
        0x6E, 0xEC, 0x5D, 0x2D, 0x29, 0x80, 0x6F, 0xAB, 0x93, 0xB8, 0xE6, 0x36, 0xCF, 0xEB, 0x31, 0xAE
    };

    static final int SIZE = 1536;
    static final int DIGEST_LENGTH = 32;
    /** "Genuine Adobe Flash Player 001" and the published 32 bytes after it; C1 uses the first 30. */
    static final byte[] PLAYER_KEY = key("Genuine Adobe Flash Player 001");
    static final int PLAYER_KEY_TEXT_LENGTH = 30;
    /** "Genuine Adobe Flash Media Server 001" and the same 32 bytes; S1 uses the first 36, S2 all 68. */
    static final byte[] SERVER_KEY = key("Genuine Adobe Flash Media Server 001");
    static final int SERVER_KEY_TEXT_LENGTH = 36;

    private HandshakeDigest() {}

    /** Where the digest sits in a C1/S1 of this scheme (0: digest block at 772, 1: at 8). */
    static int digestPosition(byte[] block, int scheme) {
        int base = scheme == 0 ? 772 : 8;
        int sum = (block[base] & 0xFF) + (block[base + 1] & 0xFF) + (block[base + 2] & 0xFF) + (block[base + 3] & 0xFF);
        return base + 4 + sum % 728;
    }

    /** HMAC-SHA256 of the 1536 bytes without the 32 at position, keyed with the first keyLength bytes of key. */
    static byte[] digest(byte[] block, int position, byte[] key, int keyLength) {
        Mac mac = mac(key, keyLength);
        mac.update(block, 0, position);
        mac.update(block, position + DIGEST_LENGTH, SIZE - position - DIGEST_LENGTH);
        return mac.doFinal();
    }

    /** The scheme (0 or 1) whose digest in C1 validates with the player key, or -1. */
    static int findClientScheme(byte[] c1) {
        for (int scheme = 0; scheme <= 1; scheme++) {
            int position = digestPosition(c1, scheme);
            byte[] expected = digest(c1, position, PLAYER_KEY, PLAYER_KEY_TEXT_LENGTH);
            if (MessageDigest.isEqual(expected, Arrays.copyOfRange(c1, position, position + DIGEST_LENGTH))) return scheme;
        }
        return -1;
    }

    /** Writes the digest of block into it at the scheme's position. */
    static void sign(byte[] block, int scheme, byte[] key, int keyLength) {
        int position = digestPosition(block, scheme);
        System.arraycopy(digest(block, position, key, keyLength), 0, block, position, DIGEST_LENGTH);
    }

    /** The last 32 bytes of S2 (or C2): keyed by HMAC(fullKey, peer's digest), over the first 1504 bytes. */
    static byte[] responseDigest(byte[] response, byte[] peerDigest, byte[] fullKey) {
        byte[] key = mac(fullKey, fullKey.length).doFinal(peerDigest);
        Mac mac = mac(key, key.length);
        mac.update(response, 0, SIZE - DIGEST_LENGTH);
        return mac.doFinal();
    }

    static Mac mac(byte[] key, int keyLength) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, 0, keyLength, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] key(String text) {
        byte[] head = text.getBytes(StandardCharsets.US_ASCII);
        byte[] key = new byte[head.length + KEY_TAIL.length];
        System.arraycopy(head, 0, key, 0, head.length);
        for (int i = 0; i < KEY_TAIL.length; i++) key[head.length + i] = (byte) KEY_TAIL[i];
        return key;
    }
}
