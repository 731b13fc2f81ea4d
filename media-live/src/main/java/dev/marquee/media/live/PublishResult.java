package dev.marquee.media.live;

/** The answer to {@link LiveRegistry#publish}: a source to feed, or why not. */
public sealed interface PublishResult {

    /** Feed frames into {@code source}; {@code resumed} when an unpublished stream came back within its grace. */
    record Published(LiveSource source, boolean resumed) implements PublishResult {}

    /** The stream is already being published by someone else. */
    record AlreadyPublishing(String name) implements PublishResult {}
}
