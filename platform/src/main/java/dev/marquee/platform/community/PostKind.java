package dev.marquee.platform.community;

/** The kinds of post, each with its own rate limits. */
public enum PostKind {
    COMMENT("comments"),
    DANMAKU("danmaku"),
    CHAT("chat messages");

    private final String plural;

    PostKind(String plural) {
        this.plural = plural;
    }

    public String plural() {
        return plural;
    }
}
