package dev.marquee.platform.danmaku.internal;

import dev.marquee.platform.web.ProblemException;
import java.util.Locale;

/** How a danmaku moves: across the picture, or pinned at the top or bottom. Bilibili numbers them 1, 5, 4. */
enum DanmakuMode {
    SCROLL(1), TOP(5), BOTTOM(4);

    private final int bilibili;

    DanmakuMode(int bilibili) {
        this.bilibili = bilibili;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    int bilibili() {
        return bilibili;
    }

    static DanmakuMode parse(String wire) {
        if (wire == null) return SCROLL;
        for (DanmakuMode m : values()) if (m.wireName().equals(wire)) return m;
        throw ProblemException.badRequest("mode is scroll, top or bottom.");
    }

    /** Bilibili's mode number: 1–3 and 6 scroll (6 goes the other way; we keep one direction), 4 bottom, 5 top; others (positioned, code) null. */
    static DanmakuMode fromBilibili(int mode) {
        return switch (mode) {
            case 1, 2, 3, 6 -> SCROLL;
            case 4 -> BOTTOM;
            case 5 -> TOP;
            default -> null;
        };
    }
}
