package dev.marquee.media.server.spi;

import java.util.Optional;

/** Asked by the control plane: what a live stream's publisher is sending now. Safe to call from any thread. */
@FunctionalInterface
public interface LiveIngest {

    /** The publisher's figures while {@code streamName} is published; empty otherwise (offline, or waiting for a reconnect). */
    Optional<IngestReport> report(String streamName);

    /** Knows no streams: where no media server runs. */
    LiveIngest NONE = streamName -> Optional.empty();
}
