package dev.marquee.platform.account;

import java.util.Locale;

/** What an account may do beyond its own content. The first account is the admin. */
public enum Role {
    USER, ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
