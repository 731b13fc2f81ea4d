package dev.marquee.media.server.live;

import dev.marquee.media.core.flv.FlvTag;
import dev.marquee.media.live.LiveRegistry;
import dev.marquee.media.live.LiveSource;
import dev.marquee.media.live.PublishResult;
import dev.marquee.media.rtmp.chunk.RtmpProtocolException;
import dev.marquee.media.rtmp.server.RtmpPublishListener;
import dev.marquee.media.rtmp.server.RtmpPublishRequest;
import dev.marquee.media.server.spi.PublishAuthorizer;
import io.netty.channel.Channel;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RTMP connection's publisher: asks the {@link PublishAuthorizer} off the event loop which stream its key
 * opens, claims that stream in the registry (or resumes it within its grace period) and feeds it frames.
 */
final class LivePublisher implements RtmpPublishListener {
    private static final Logger log = LoggerFactory.getLogger(LivePublisher.class);

    private final Channel channel;
    private final LiveRegistry registry;
    private final PublishAuthorizer authorizer;
    private final Executor authorizing;
    private final java.util.function.Consumer<String> onNewStream;
    private final TimestampGuard video = new TimestampGuard();
    private final TimestampGuard audio = new TimestampGuard();
    private volatile LiveSource source;

    LivePublisher(Channel channel, LiveRegistry registry, PublishAuthorizer authorizer, Executor authorizing,
                  java.util.function.Consumer<String> onNewStream) {
        this.onNewStream = onNewStream;
        this.channel = channel;
        this.registry = registry;
        this.authorizer = authorizer;
        this.authorizing = authorizing;
    }

    @Override
    public CompletionStage<Boolean> onPublish(RtmpPublishRequest request) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        try {
            authorizing.execute(() -> answer.complete(claim(request)));
        } catch (RejectedExecutionException busy) {
            log.warn("{} publish refused: too many publish requests waiting for authorization", channel.remoteAddress());
            answer.complete(false);
        }
        return answer;
    }

    /** On the authorizing pool: the key's stream, claimed for this connection, or false. */
    private boolean claim(RtmpPublishRequest request) {
        Optional<String> name;
        try {
            name = authorizer.authorizePublish(request.app(), request.streamName());
        } catch (RuntimeException e) {
            log.warn("{} publish refused: the publish authorizer failed", channel.remoteAddress(), e);
            return false;
        }
        // the key is a password: it is never logged
        if (name.isEmpty()) {
            log.info("{} publish to /{} refused: not a valid stream key", channel.remoteAddress(), request.app());
            return false;
        }
        if (!StreamNames.isValid(name.get())) {
            log.warn("{} publish refused: the authorizer's stream name '{}' cannot be a URL path segment",
                    channel.remoteAddress(), name.get());
            return false;
        }
        if (!channel.isActive()) return false;
        PublishResult result = registry.publish(name.get(), channel.eventLoop());
        if (result instanceof PublishResult.Published published) {
            source = published.source();
            log.info("{} publishing {}{}", channel.remoteAddress(), name.get(), published.resumed() ? " (resumed)" : "");
            if (!published.resumed()) onNewStream.accept(name.get()); // recorder and HLS packager
            return true;
        }
        log.info("{} publish of {} refused: it is being published already", channel.remoteAddress(), name.get());
        return false;
    }

    @Override
    public void onMetadata(FlvTag tag) {
        feed(tag);
    }

    @Override
    public void onVideo(FlvTag tag) {
        feed(guarded(tag, video, "video"));
    }

    @Override
    public void onAudio(FlvTag tag) {
        feed(guarded(tag, audio, "audio"));
    }

    private void feed(FlvTag tag) {
        LiveSource s = source;
        if (s == null) {
            tag.release();
            return;
        }
        s.onFrame(tag);
    }

    private static FlvTag guarded(FlvTag tag, TimestampGuard guard, String track) {
        long previous = guard.last();
        long ts = guard.check(tag.timestamp());
        if (ts == tag.timestamp()) return tag;
        if (ts < 0) {
            tag.release();
            throw new RtmpProtocolException(track + " timestamp went back from " + previous + " to " + tag.timestamp() + " ms");
        }
        FlvTag clamped = tag.withTimestamp(ts);
        tag.release();
        return clamped;
    }

    @Override
    public void onUnpublish() {
        LiveSource s = source;
        source = null;
        if (s == null) return;
        s.onUnpublish();
        log.info("{} stopped publishing {}", channel.remoteAddress(), s.name());
    }
}
