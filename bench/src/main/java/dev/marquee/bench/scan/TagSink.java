package dev.marquee.bench.scan;

/** Receives each complete audio, video or script tag (FLV tag or RTMP message) as a viewer sees it. */
public interface TagSink {
    /** First bytes of a video body kept for {@link #onTag}: enough for the frame type and a bench stamp. */
    int PEEK_BYTES = 48;

    /**
     * @param type          FLV tag type / RTMP message type: 8 audio, 9 video, 18 script
     * @param timestamp     media timestamp in milliseconds
     * @param size          body size in bytes
     * @param peek          the body's first {@code peekLength} bytes (video only; valid during the call)
     * @param arrivalMicros wall clock, epoch microseconds, of the read that completed the tag
     */
    void onTag(int type, long timestamp, int size, byte[] peek, int peekLength, long arrivalMicros);
}
