package dev.marquee.platform.community;

/**
 * The door every post goes through, by whatever route: a banned or timed-out user gets 403, one posting
 * too fast (per account or per address) or repeating the same text gets 429 with Retry-After.
 */
public interface PostGuard {
    /**
     * Lets the post through or throws a ProblemException. {@code channelId} is the account whose video or
     * live channel it lands on (its bans apply, as do the site's).
     */
    void admit(Poster poster, PostKind kind, long channelId, String text);
}
