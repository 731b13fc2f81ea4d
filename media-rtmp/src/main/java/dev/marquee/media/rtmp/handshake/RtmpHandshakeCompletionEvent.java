package dev.marquee.media.rtmp.handshake;

/** User event fired once the handshake is done, just before the bytes that followed it. */
public final class RtmpHandshakeCompletionEvent {
    /** The peer used the Flash Player 9 digest handshake. */
    public static final RtmpHandshakeCompletionEvent DIGEST = new RtmpHandshakeCompletionEvent(true);
    /** The simple handshake (C1 with a zero version field, or one whose digest did not validate). */
    public static final RtmpHandshakeCompletionEvent SIMPLE = new RtmpHandshakeCompletionEvent(false);

    private final boolean digest;

    private RtmpHandshakeCompletionEvent(boolean digest) {
        this.digest = digest;
    }

    public boolean isDigest() {
        return digest;
    }

    @Override
    public String toString() {
        return "RtmpHandshakeCompletionEvent[" + (digest ? "digest" : "simple") + "]";
    }
}
