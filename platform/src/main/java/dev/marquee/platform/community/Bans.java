package dev.marquee.platform.community;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Who may not post where. Channel owners ban on their own channel; admins anywhere, and site-wide. */
public interface Bans {
    /** The channel id that means the whole site. */
    long SITE = 0;

    /** Bans (until null: for good) or times out a user; replaces an earlier ban of the same user there. */
    void ban(long channelId, long userId, @Nullable Instant until, long byUserId);

    void lift(long channelId, long userId);

    /** The ban in force on this user here (the channel's or the site's), if any. */
    Optional<Ban> activeBan(long channelId, long userId);

    List<Ban> activeBans(long channelId);
}
