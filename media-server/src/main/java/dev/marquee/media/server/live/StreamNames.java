package dev.marquee.media.server.live;

import java.util.regex.Pattern;

/** What a live stream may be called in a URL: a username's characters, nothing that could mean a path. */
final class StreamNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private StreamNames() {
    }

    static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
