package dev.marquee.platform.danmaku.internal;

import dev.marquee.platform.web.ProblemException;
import java.util.Locale;

/** Font size of a danmaku; Bilibili writes it in pixels (18, 25, 36). */
enum DanmakuSize {
    SMALL(18), NORMAL(25), LARGE(36);

    private final int pixels;

    DanmakuSize(int pixels) {
        this.pixels = pixels;
    }

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    int pixels() {
        return pixels;
    }

    static DanmakuSize parse(String wire) {
        if (wire == null) return NORMAL;
        for (DanmakuSize s : values()) if (s.wireName().equals(wire)) return s;
        throw ProblemException.badRequest("size is small, normal or large.");
    }

    /** The nearest of our three sizes to a pixel size from a Bilibili file. */
    static DanmakuSize fromPixels(int px) {
        return px <= 21 ? SMALL : px <= 30 ? NORMAL : LARGE;
    }
}
