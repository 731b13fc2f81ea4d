package dev.marquee.platform.video;

import java.util.Locale;
import java.util.Optional;

/** Public videos are listed; unlisted ones play for anyone with the link; private ones only for the owner. */
public enum Visibility {
    PUBLIC, UNLISTED, PRIVATE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Visibility> parse(String s) {
        if (s == null) return Optional.empty();
        for (Visibility v : values()) if (v.wireName().equals(s)) return Optional.of(v);
        return Optional.empty();
    }
}
