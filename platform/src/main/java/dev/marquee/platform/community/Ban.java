package dev.marquee.platform.community;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user barred from posting on one channel (or, with {@link Bans#SITE}, anywhere). A timeout is a ban with
 * an end.
 */
public record Ban(long channelId, long userId, @Nullable Instant until, long byUserId, Instant createdAt) {
    public boolean isPermanent() {
        return until == null;
    }

    public boolean activeAt(Instant now) {
        return until == null || until.isAfter(now);
    }
}
