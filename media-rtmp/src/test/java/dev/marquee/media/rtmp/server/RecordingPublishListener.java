package dev.marquee.media.rtmp.server;

import dev.marquee.media.core.flv.FlvTag;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what a session reports; tags are kept until {@link #release()}. */
class RecordingPublishListener implements RtmpPublishListener {
    final List<RtmpPublishRequest> requests = new CopyOnWriteArrayList<>();
    final List<FlvTag> tags = new CopyOnWriteArrayList<>();
    final AtomicInteger unpublished = new AtomicInteger();
    volatile CompletableFuture<Boolean> decision = CompletableFuture.completedFuture(true);

    @Override
    public CompletionStage<Boolean> onPublish(RtmpPublishRequest request) {
        requests.add(request);
        return decision;
    }

    @Override
    public void onMetadata(FlvTag tag) {
        tags.add(tag);
    }

    @Override
    public void onVideo(FlvTag tag) {
        tags.add(tag);
    }

    @Override
    public void onAudio(FlvTag tag) {
        tags.add(tag);
    }

    @Override
    public void onUnpublish() {
        unpublished.incrementAndGet();
    }

    void release() {
        tags.forEach(FlvTag::release);
        tags.clear();
    }
}
