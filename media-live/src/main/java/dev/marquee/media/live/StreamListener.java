package dev.marquee.media.live;

/**
 * Tells the media server what happens to live streams, so it can tell the control plane. Called on the
 * stream's event loop: return quickly and never block.
 */
public interface StreamListener {

    StreamListener NONE = new StreamListener() {};

    /** A stream went live (not called when a publisher comes back within the grace period). */
    default void streamStarted(String name) {}

    /** A stream ended: its publisher left and did not return within the grace period. */
    default void streamEnded(String name) {}

    /** The number of viewers of a stream changed. */
    default void viewersChanged(String name, int viewers) {}
}
