package dev.marquee.platform.community;

import dev.marquee.platform.web.ProblemException;
import java.text.Normalizer;

/**
 * Text a user wrote, made safe to store and show: control and invisible formatting characters removed (a
 * newline kept where the kind of text allows it), whitespace trimmed, length checked in characters as people
 * count them (code points). It is still plain text: pages must escape it, never render it as HTML.
 */
public final class UserText {
    private UserText() {}

    /** One line (danmaku, chat): any line break becomes a space. 400 when empty or longer than max. */
    public static String line(String raw, int max, String field) {
        return check(strip(raw, false), max, field);
    }

    /** Several lines (comments): at most two blank lines in a row. 400 when empty or longer than max. */
    public static String paragraphs(String raw, int max, String field) {
        String text = strip(raw, true).replaceAll("\n{3,}", "\n\n");
        return check(text, max, field);
    }

    /** The same text for flood comparison: case, spacing and width folded. */
    public static String fingerprint(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static String check(String text, int max, String field) {
        if (text.isEmpty()) throw ProblemException.badRequest(field + " is empty.");
        int length = text.codePointCount(0, text.length());
        if (length > max) throw ProblemException.badRequest(field + " is " + length + " characters; at most " + max + ".");
        return text;
    }

    private static String strip(String raw, boolean keepNewlines) {
        if (raw == null) return "";
        StringBuilder out = new StringBuilder(raw.length());
        raw.replace("\r\n", "\n").codePoints().forEach(c -> {
            if (c == '\n') out.append(keepNewlines ? "\n" : " ");
            else if (c == '\t') out.append(' ');
            else if (!isInvisible(c)) out.appendCodePoint(c);
        });
        return out.toString().strip();
    }

    /** C0/C1 controls, bidi overrides and other format characters (U+200B…, U+202A…), unpaired surrogates. */
    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.SURROGATE || type == Character.UNASSIGNED
                || (type == Character.FORMAT && c != 0x200D); // keep the zero-width joiner of emoji sequences
    }
}
