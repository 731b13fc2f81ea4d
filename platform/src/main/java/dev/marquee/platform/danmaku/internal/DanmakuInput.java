package dev.marquee.platform.danmaku.internal;

import dev.marquee.platform.community.UserText;
import dev.marquee.platform.web.ProblemException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The fields of a danmaku a client sends (REST body or socket message), checked; defaults scroll, white, normal. */
record DanmakuInput(long timeMs, String text, DanmakuMode mode, int color, DanmakuSize size) {
    static final int MAX_TEXT = 100;
    /** Players report the end a little past the probed duration. */
    static final double TIME_SLACK_SECONDS = 1.0;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    static DanmakuInput parse(@Nullable JsonNode body, @Nullable Double durationSeconds) {
        if (body == null || !body.isObject()) throw ProblemException.badRequest("The body is a JSON object.");
        JsonNode time = body.get("time");
        if (time == null || !time.isNumber()) throw ProblemException.badRequest("time is a number of seconds.");
        double t = time.doubleValue();
        double max = (durationSeconds == null ? 24 * 3600 : durationSeconds) + TIME_SLACK_SECONDS;
        if (!(t >= 0 && t <= max)) throw ProblemException.badRequest("time is 0 to " + max + " seconds.");
        String text = UserText.line(string(body, "text"), MAX_TEXT, "text");
        String color = string(body, "color");
        if (color != null && !COLOR.matcher(color).matches()) throw ProblemException.badRequest("color is #rrggbb.");
        return new DanmakuInput(Math.round(t * 1000), text, DanmakuMode.parse(string(body, "mode")),
                color == null ? 0xffffff : Integer.parseInt(color.substring(1), 16), DanmakuSize.parse(string(body, "size")));
    }

    private static @Nullable String string(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isString()) throw ProblemException.badRequest(field + " is a string.");
        return n.asString();
    }
}
