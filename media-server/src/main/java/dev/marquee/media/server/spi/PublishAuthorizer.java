package dev.marquee.media.server.spi;

import java.util.Optional;

/**
 * Asked by the RTMP server when OBS publishes: which channel, if any, does this stream key open? Called on a
 * small pool of its own, never on an event loop, so it may block briefly (one database read).
 */
public interface PublishAuthorizer {

    /**
     * @param app       the RTMP application ("live")
     * @param streamKey what the publisher sent as the stream name, without any {@code ?query}
     * @return the channel (stream) name to publish as, e.g. the username; empty to refuse
     */
    Optional<String> authorizePublish(String app, String streamKey);

    /** Nobody may publish: the default until the control plane says otherwise. */
    PublishAuthorizer REFUSE_ALL = (app, streamKey) -> Optional.empty();
}
