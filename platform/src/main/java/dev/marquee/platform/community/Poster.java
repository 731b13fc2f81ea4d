package dev.marquee.platform.community;

import dev.marquee.platform.account.CurrentUser;

/** Who is posting, and from where (rate limits count per account and per client address). */
public record Poster(CurrentUser user, String ip) {
    public long userId() {
        return user.id();
    }
}
