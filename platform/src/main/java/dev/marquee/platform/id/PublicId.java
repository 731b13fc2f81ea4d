package dev.marquee.platform.id;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/** The 11-character URL-safe form of a 64-bit ID, as shown in URLs and JSON. */
public final class PublicId {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PublicId() {}

    public static String encode(long id) {
        return ENCODER.encodeToString(ByteBuffer.allocate(8).putLong(id).array());
    }

    /** The ID for a string, or empty when it is not the canonical encoding of one. */
    public static Optional<Long> decode(String text) {
        if (text == null || text.length() != 11) return Optional.empty();
        for (int i = 0; i < 11; i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) return Optional.empty();
        }
        long id = ByteBuffer.wrap(DECODER.decode(text)).getLong();
        // The last character carries two spare bits; only the canonical spelling names the ID.
        return encode(id).equals(text) ? Optional.of(id) : Optional.empty();
    }
}
