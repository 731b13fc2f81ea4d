package dev.marquee.media.server.spi;

import java.util.Optional;

/** Asked by the RTMP server when OBS publishes: which channel, if any, does this stream key open? */
public interface PublishAuthorizer {

    /**
     * @param app       the RTMP application ("live")
     * @param streamKey what the publisher sent as the stream name
     * @return the channel (stream) name to publish as, e.g. the username; empty to refuse
     */
    Optional<String> authorizePublish(String app, String streamKey);
}
