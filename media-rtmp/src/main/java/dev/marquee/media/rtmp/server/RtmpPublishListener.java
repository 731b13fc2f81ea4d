package dev.marquee.media.rtmp.server;

import dev.marquee.media.core.flv.FlvTag;
import java.util.concurrent.CompletionStage;

/**
 * What an {@link RtmpServerSession} tells the live layer about its publisher. One listener per
 * connection; every call comes on the connection's event loop.
 */
public interface RtmpPublishListener {
    /**
     * A client asks to publish. Complete with true to accept (the client is told NetStream.Publish.Start
     * and frames follow), false to refuse (it is told NetStream.Publish.BadName and disconnected). The
     * connection stops reading until the stage completes; it may complete on any thread.
     */
    CompletionStage<Boolean> onPublish(RtmpPublishRequest request);

    /** onMetaData as an FLV script tag ({@code @setDataFrame} removed). The listener owns the tag and releases it. */
    void onMetadata(FlvTag tag);

    /** A video frame or sequence header. The listener owns the tag and releases it. */
    void onVideo(FlvTag tag);

    /** An audio frame or sequence header. The listener owns the tag and releases it. */
    void onAudio(FlvTag tag);

    /** Publishing ended: FCUnpublish, deleteStream or disconnect. Called once for each accepted publish. */
    void onUnpublish();
}
