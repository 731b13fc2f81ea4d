package dev.marquee.media.rtmp.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What an {@link RtmpServerSession} tells the live layer about a client that plays. One listener per
 * connection; every call but the completion of {@link #onPlay} comes on the connection's event loop.
 */
public interface RtmpPlayListener {
    /** Refuses every play request: a publish-only server. */
    RtmpPlayListener REFUSE = new RtmpPlayListener() {
        @Override
        public CompletionStage<Boolean> onPlay(RtmpPlayRequest request) {
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public void onPlayStarted(RtmpServerSession session) {
        }

        @Override
        public void onPlayStopped() {
        }
    };

    /**
     * A client asks to play. Complete with true to accept, false to refuse (it is told
     * NetStream.Play.StreamNotFound and disconnected). It may complete on any thread.
     */
    CompletionStage<Boolean> onPlay(RtmpPlayRequest request);

    /**
     * The play was accepted and the client told so (StreamBegin, NetStream.Play.Reset and Start,
     * |RtmpSampleAccess): from now on send it frames with {@link RtmpServerSession#writeMedia} as chunks of
     * {@link RtmpServerSession#chunkSize()} on message stream {@link RtmpServerSession#STREAM_ID}.
     */
    void onPlayStarted(RtmpServerSession session);

    /** Playing ended: closeStream, deleteStream or disconnect. Called once after each {@link #onPlayStarted}. */
    void onPlayStopped();
}
