package dev.marquee.platform.live.internal;

import dev.marquee.platform.web.ProblemException;

/** Checks and cleans what streamers type. */
final class LiveInput {
    static final int MAX_TITLE = 140;

    private LiveInput() {}

    static String title(String title) {
        String t = withoutControls(title == null ? "" : title).strip();
        if (t.isEmpty()) throw ProblemException.badRequest("A title is required.");
        if (t.codePointCount(0, t.length()) > MAX_TITLE)
            throw ProblemException.badRequest("A title is at most " + MAX_TITLE + " characters.");
        return t;
    }

    /** The title of a stream whose streamer set none. */
    static String defaultTitle(String username) {
        return username + " is live";
    }

    private static String withoutControls(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type != Character.CONTROL && (type != Character.FORMAT || c == 0x200D)) out.appendCodePoint(c);
        });
        return out.toString();
    }
}
