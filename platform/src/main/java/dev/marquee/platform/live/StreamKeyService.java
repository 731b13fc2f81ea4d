package dev.marquee.platform.live;

import java.util.Optional;

/** Stream keys: one current key per user, which OBS sends to publish to that user's channel. */
public interface StreamKeyService {

    /** The user's current key, created on first ask. */
    String currentKey(long userId);

    /** Replaces the user's key with a new one; the old one no longer opens new publishes. */
    String rotate(long userId);

    /** The user whose current key this is. */
    Optional<Long> ownerOf(String streamKey);
}
