package dev.marquee.platform.video.internal;

import dev.marquee.platform.video.Visibility;
import dev.marquee.platform.web.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Checks and cleans what people type about a video. */
final class VideoInput {
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 5000;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 40;

    private VideoInput() {}

    static String title(String title) {
        String t = clean(title, false).strip();
        if (t.isEmpty()) throw ProblemException.badRequest("A title is required.");
        if (t.length() > MAX_TITLE) throw ProblemException.badRequest("A title is at most " + MAX_TITLE + " characters.");
        return t;
    }

    static String description(String description) {
        String d = description == null ? "" : clean(description, true).strip();
        if (d.length() > MAX_DESCRIPTION) throw ProblemException.badRequest("A description is at most " + MAX_DESCRIPTION + " characters.");
        return d;
    }

    static List<String> tags(List<String> tags) {
        if (tags == null) return List.of();
        if (tags.size() > MAX_TAGS) throw ProblemException.badRequest("At most " + MAX_TAGS + " tags.");
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null) throw ProblemException.badRequest("A tag cannot be null.");
            String t = clean(tag, false).strip();
            if (t.length() > MAX_TAG) throw ProblemException.badRequest("A tag is at most " + MAX_TAG + " characters.");
            if (!t.isEmpty()) out.add(t);
        }
        return new ArrayList<>(out);
    }

    static Visibility visibility(String visibility, Visibility fallback) {
        if (visibility == null) return fallback;
        return Visibility.parse(visibility)
                .orElseThrow(() -> ProblemException.badRequest("visibility is public, unlisted or private."));
    }

    /** Drops control characters (keeping line breaks and tabs where text may span lines). */
    static String clean(String s, boolean multiline) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            boolean control = Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT && c != 0x200D;
            if (!control || (multiline && (c == '\n' || c == '\t'))) out.appendCodePoint(c);
        });
        return out.toString();
    }
}
