package dev.marquee.media.live;

import dev.marquee.media.core.flv.FlvTag;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One live stream: what its publisher sends goes out to every viewer. Owned by one event loop: frames,
 * the GOP cache and the viewer groups are touched only there, without locks; a call from another thread
 * hops onto it. Each frame is wrapped once into a {@link SharedFrame}, encoded once per form in use and
 * handed to each viewer group by reference.
 */
public final class LiveSource {
    private static final InternalLogger log = InternalLoggerFactory.getInstance(LiveSource.class);

    enum State { PUBLISHING, GRACE, ENDED }

    /** What a second publish finds: the stream is taken, comes back to life, or is gone. */
    enum Claim { BUSY, RESUMED, ENDED }

    private final String name;
    private final EventExecutor loop;
    private final LiveSettings settings;
    private final StreamListener listener;
    private final LiveRegistry registry;
    private final AtomicReference<State> state = new AtomicReference<>(State.PUBLISHING);
    private final AtomicInteger session = new AtomicInteger();
    private volatile int viewerCount;

    // Owned by the loop.
    private final GopCache gop;
    private final TimestampRebaser timestamps = new TimestampRebaser();
    private final IngestMeter ingest = new IngestMeter();
    private final Map<EventExecutor, ConsumerGroup> groups = new HashMap<>();
    private final ViewerForms forms = new ViewerForms();
    private int seenSession;
    private boolean hasVideo;
    /** Viewers attached here (HTTP-FLV, RTMP), and those the server counts on live HLS: together the viewer count. */
    private int attachedViewers;
    private int hlsViewers;

    LiveSource(String name, EventExecutor loop, LiveSettings settings, StreamListener listener, LiveRegistry registry) {
        this.name = name;
        this.loop = loop;
        this.settings = settings;
        this.listener = listener;
        this.registry = registry;
        this.gop = new GopCache(settings.gopCacheDuration().toMillis(), settings.gopCacheBytes());
    }

    public String name() {
        return name;
    }

    /** The event loop that owns this stream. */
    public EventExecutor executor() {
        return loop;
    }

    public boolean isPublishing() {
        return state.get() == State.PUBLISHING;
    }

    public int viewerCount() {
        return viewerCount;
    }

    /** The server's count of this stream's live HLS viewers, who fetch segments rather than attach; any thread. */
    public void setHlsViewers(int count) {
        onLoop(() -> {
            if (state.get() == State.ENDED || count == hlsViewers) return;
            hlsViewers = count;
            publishViewerCount();
        });
    }

    /** The tracks a new viewer's FLV header names; from any thread. */
    public StreamTracks tracks() {
        return ingest.tracks();
    }

    /** What the publisher is sending, measured over the last seconds; from any thread. */
    public IngestStats ingestStats() {
        return ingest.stats(System.nanoTime());
    }

    /**
     * A frame from the publisher: metadata ({@code onMetaData} script tag), sequence header or media. Takes
     * over the caller's reference. Frames arriving while nobody publishes are released unread.
     */
    public void onFrame(FlvTag tag) {
        if (!loop.inEventLoop()) {
            try {
                loop.execute(() -> onFrame(tag));
            } catch (RejectedExecutionException shuttingDown) {
                tag.release();
            }
            return;
        }
        if (state.get() != State.PUBLISHING) {
            tag.release();
            return;
        }
        followSession();
        fanOut(retimed(tag));
    }

    private FlvTag retimed(FlvTag tag) {
        long ts = timestamps.map(tag.timestamp());
        if (ts == tag.timestamp()) return tag;
        FlvTag moved = tag.withTimestamp(ts);
        tag.release();
        return moved;
    }

    private void fanOut(FlvTag tag) {
        ingest.onTag(tag, System.nanoTime());
        if (tag.isVideo()) hasVideo = true;
        SharedFrame frame = new SharedFrame(tag, FrameKind.of(tag, hasVideo), forms.inUse());
        boolean inGop = gop.add(frame);
        for (ConsumerGroup group : groups.values()) group.inbox.feed(frame, gop, inGop);
        frame.release();
    }

    /**
     * The publisher left. Viewers stay for the grace period; if nobody publishes again by then, they get an
     * end. Takes effect on the loop, after the frames the publisher sent before it.
     */
    public void onUnpublish() {
        onLoop(() -> {
            if (state.compareAndSet(State.PUBLISHING, State.GRACE)) beginGrace(session.get());
        });
    }

    /** Registry, under its lock for this name: a publisher wants this stream. */
    Claim claim() {
        while (true) {
            switch (state.get()) {
                case PUBLISHING -> {
                    return Claim.BUSY;
                }
                case ENDED -> {
                    return Claim.ENDED;
                }
                case GRACE -> {
                    if (state.compareAndSet(State.GRACE, State.PUBLISHING)) {
                        session.incrementAndGet();
                        return Claim.RESUMED;
                    }
                }
            }
        }
    }

    /** Registry, under its lock for this name: the grace ran out. */
    boolean markEnded() {
        return state.compareAndSet(State.GRACE, State.ENDED);
    }

    boolean isEnded() {
        return state.get() == State.ENDED;
    }

    LiveConsumer subscribe(LiveSink sink) {
        LiveConsumer viewer = new LiveConsumer(this, sink);
        onLoop(() -> attach(viewer));
        return viewer;
    }

    /** A viewer closed (on its own loop); called at most once per viewer. */
    void detach(LiveConsumer viewer) {
        onLoop(() -> {
            if (state.get() == State.ENDED) return;
            EventExecutor viewerLoop = viewer.sink().executor();
            ConsumerGroup group = groups.get(viewerLoop);
            if (group == null) return;
            if (--group.inbox.viewers == 0) {
                groups.remove(viewerLoop);
                group.inbox.sendNow(new GroupEvent.Close());
            }
            forms.remove(viewer.sink().form());
            if (viewer.sink().isAudience()) viewersChanged(-1);
        });
    }

    private void attach(LiveConsumer viewer) {
        if (state.get() == State.ENDED) {
            viewer.endBeforeStart();
            return;
        }
        EventExecutor viewerLoop = viewer.sink().executor();
        ConsumerGroup group = groups.get(viewerLoop);
        if (group == null) {
            group = new ConsumerGroup(viewerLoop, settings);
            groups.put(viewerLoop, group);
            group.inbox.seed(gop);
        }
        group.inbox.viewers++;
        forms.add(viewer.sink().form());
        group.inbox.sendNow(new GroupEvent.Join(viewer));
        if (viewer.sink().isAudience()) viewersChanged(+1);
    }

    /** First frame of a publishing session that resumed the stream: forget the old one's state. */
    private void followSession() {
        int current = session.get();
        if (current == seenSession) return;
        seenSession = current;
        gop.clear();
        hasVideo = false;
        timestamps.sessionChanged();
        ingest.sessionChanged();
    }

    private void beginGrace(int unpublished) {
        gop.clear(); // a joiner during the grace waits for the new session's keyframe, not the old one's
        for (ConsumerGroup group : groups.values()) group.inbox.sendNow(new GroupEvent.SessionEnded());
        loop.schedule(() -> graceExpired(unpublished), settings.republishGrace().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void graceExpired(int unpublished) {
        if (session.get() != unpublished || !registry.end(this)) return;
        for (ConsumerGroup group : groups.values()) group.inbox.sendNow(new GroupEvent.End());
        groups.clear();
        forms.clear();
        gop.clear();
        attachedViewers = 0;
        hlsViewers = 0;
        viewerCount = 0;
    }

    private void viewersChanged(int delta) {
        attachedViewers += delta;
        publishViewerCount();
    }

    private void publishViewerCount() {
        int count = attachedViewers + hlsViewers;
        viewerCount = count;
        try {
            listener.viewersChanged(name, count);
        } catch (RuntimeException e) {
            log.warn("stream listener failed on viewers of {}", name, e);
        }
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) task.run();
        else loop.execute(task);
    }

    @Override
    public String toString() {
        return "LiveSource[" + name + " " + state.get() + " viewers=" + viewerCount + "]";
    }
}
