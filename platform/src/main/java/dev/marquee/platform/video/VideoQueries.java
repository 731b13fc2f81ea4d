package dev.marquee.platform.video;

import java.util.List;

/** Lists of videos the pages show. */
public interface VideoQueries {
    List<Video> latestPublic(int limit);

    /** A channel's public, ready videos, newest first. */
    List<Video> channel(long ownerId, int limit);

    /** Everything a user uploaded, in any state. */
    List<Video> ownedBy(long ownerId, int limit);
}
