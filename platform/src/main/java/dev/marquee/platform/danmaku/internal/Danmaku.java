package dev.marquee.platform.danmaku.internal;

import dev.marquee.platform.id.PublicId;
import org.jspecify.annotations.Nullable;

/** One stored danmaku. Time in milliseconds of playback; color as 0xRRGGBB. */
record Danmaku(long id, long videoId, long timeMs, String text, DanmakuMode mode, int color, DanmakuSize size,
               String sender, @Nullable Long userId, long createdAt) {
    static final long SLICE_MILLIS = 360_000;

    int slice() {
        return (int) (timeMs / SLICE_MILLIS);
    }

    /** The wire form of API.md. */
    Json json() {
        return new Json(PublicId.encode(id), timeMs / 1000.0, text, mode.wireName(), String.format("#%06x", color),
                size.wireName(), sender);
    }

    record Json(String id, double time, String text, String mode, String color, String size, String sender) {}

    /** The room frame: {"type":"danmaku", ...danmaku}. */
    record Frame(String type, String id, double time, String text, String mode, String color, String size, String sender) {
        static Frame of(Json d) {
            return new Frame("danmaku", d.id(), d.time(), d.text(), d.mode(), d.color(), d.size(), d.sender());
        }
    }
}
