package dev.marquee.media.server.spi;

/** Told when a live stream starts, ends (after the reconnect grace period) and when its audience changes. */
public interface StreamLifecycleListener {

    void streamStarted(String streamName);

    void streamEnded(String streamName);

    void viewersChanged(String streamName, int viewers);

    /**
     * The session's recording (an FLV file of the shared frames, no re-encoding) is complete. The
     * listener now owns the file: it may move it, and must delete it when it does not keep it.
     */
    default void recordingFinished(String streamName, java.nio.file.Path flvFile) {
        try {
            java.nio.file.Files.deleteIfExists(flvFile);
        } catch (java.io.IOException ignored) {
            // nobody wanted it; a leftover file in the recordings directory is harmless
        }
    }

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
