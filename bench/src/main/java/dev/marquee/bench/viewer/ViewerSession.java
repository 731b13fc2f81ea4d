package dev.marquee.bench.viewer;

import java.nio.ByteBuffer;

/** The protocol side of one viewer: what to send once connected, and what to make of the bytes that come. */
interface ViewerSession {
    void onConnected(Viewer viewer, long nowMicros);

    /** Bytes [0, length) of buf just arrived; may write through the viewer. */
    void onData(Viewer viewer, ByteBuffer buf, int length, long nowMicros);

    /** True once the viewer is receiving media (the moment a stalled reader stops reading). */
    boolean isPlaying();
}
