package dev.marquee.media.server.spi;

/** Told when a live stream starts, ends (after the reconnect grace period) and when its audience changes. */
public interface StreamLifecycleListener {

    void streamStarted(String streamName);

    void streamEnded(String streamName);

    void viewersChanged(String streamName, int viewers);

    /** Listens to nothing. */
    StreamLifecycleListener NONE = new StreamLifecycleListener() {
        @Override
        public void streamStarted(String streamName) {}

        @Override
        public void streamEnded(String streamName) {}

        @Override
        public void viewersChanged(String streamName, int viewers) {}
    };
}
