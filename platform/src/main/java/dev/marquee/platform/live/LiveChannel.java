package dev.marquee.platform.live;

import java.time.Instant;

/** A channel that is live now, as this node's media plane reports it. */
public record LiveChannel(long userId, String username, String title, Instant startedAt, int viewers) {}
