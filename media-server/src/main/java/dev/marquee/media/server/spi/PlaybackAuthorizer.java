package dev.marquee.media.server.spi;

/** Asked before a viewer gets a live stream: may the holder of this (possibly null) token watch it? */
public interface PlaybackAuthorizer {

    boolean mayPlay(String streamName, String token);

    /** Anyone may watch any live stream. */
    PlaybackAuthorizer OPEN = (stream, token) -> true;
}
