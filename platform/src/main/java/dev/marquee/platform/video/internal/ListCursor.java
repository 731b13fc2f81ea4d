package dev.marquee.platform.video.internal;

import dev.marquee.platform.web.ProblemException;
import java.nio.ByteBuffer;
import java.util.Base64;

/** An opaque position in the newest-first listing: the last item's publish time and id. */
record ListCursor(long publishedAt, long id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(16).putLong(publishedAt).putLong(id).array());
    }

    static ListCursor parse(String cursor) {
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            if (raw.length != 16) throw new IllegalArgumentException();
            ByteBuffer b = ByteBuffer.wrap(raw);
            return new ListCursor(b.getLong(), b.getLong());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("That cursor is not one this server gave out.");
        }
    }
}
