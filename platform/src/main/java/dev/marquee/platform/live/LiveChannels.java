package dev.marquee.platform.live;

import java.util.List;
import java.util.Optional;

/** Which channels are live now. Answered from memory: cheap enough to ask on every page view. */
public interface LiveChannels {

    /** Every live channel, most watched first. */
    List<LiveChannel> liveNow();

    /** The channel if it is live now; the username is matched case-insensitively. */
    Optional<LiveChannel> find(String username);
}
