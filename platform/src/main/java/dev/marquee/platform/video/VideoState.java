package dev.marquee.platform.video;

import java.util.Locale;

/** uploading → processing → ready | failed. */
public enum VideoState {
    UPLOADING, PROCESSING, READY, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VideoState fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
