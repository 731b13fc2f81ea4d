package dev.marquee.platform.comment.internal;

import dev.marquee.platform.web.ProblemException;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * An opaque position in a comment list: the last comment's like count (top order only) and id. Ids are
 * Snowflakes, so a comment written after the cursor was handed out sorts before it and never shifts a page.
 */
record CommentCursor(long likes, long id) {

    String encode(boolean top) {
        ByteBuffer b = ByteBuffer.allocate(top ? 16 : 8);
        if (top) b.putLong(likes);
        b.putLong(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** The cursor of that order, or null when none was given; 400 for anything this server did not hand out. */
    static CommentCursor parse(String cursor, boolean top) {
        if (cursor == null || cursor.isEmpty()) return null;
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            if (raw.length != (top ? 16 : 8)) throw new IllegalArgumentException();
            ByteBuffer b = ByteBuffer.wrap(raw);
            return top ? new CommentCursor(b.getLong(), b.getLong()) : new CommentCursor(0, b.getLong());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("That cursor is not one this server gave out for this order.");
        }
    }
}
