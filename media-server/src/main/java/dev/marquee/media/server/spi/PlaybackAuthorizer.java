package dev.marquee.media.server.spi;

import java.time.Instant;

/**
 * Asked before a viewer gets a live stream: may the holder of this (possibly null) token watch it? Called on
 * a media event loop for every HTTP-FLV request and RTMP play, so it must answer from memory, never block.
 */
public interface PlaybackAuthorizer {

    /**
     * @param streamName the stream asked for (the username in {@code /live/{username}.flv})
     * @param token      the viewer's {@code ?token=} query parameter, or null when there is none
     */
    boolean mayPlay(String streamName, String token);

    /** Anyone may watch any live stream. */
    PlaybackAuthorizer OPEN = (stream, token) -> true;

    /** Only holders of an unexpired token made by {@link LivePaths#signedFlv} (or {@link LivePaths#token}) may watch. */
    static PlaybackAuthorizer signedBy(UrlSigner signer) {
        return (stream, token) -> signer.verify(LivePaths.scope(stream), token, Instant.now());
    }
}
