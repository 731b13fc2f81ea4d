package dev.marquee.platform.live.internal;

import dev.marquee.media.server.spi.StreamLifecycleListener;
import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.User;
import dev.marquee.platform.id.IdGenerator;
import dev.marquee.platform.live.LiveChannel;
import dev.marquee.platform.live.LiveChannels;
import dev.marquee.platform.live.StreamEnded;
import dev.marquee.platform.live.StreamStarted;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the media plane tells us about live streams. Which channels are live (and their audience) is
 * kept in memory and changes at once; the session rows and the {@link StreamStarted} / {@link StreamEnded}
 * events follow on one background thread, in order, so the media plane's threads never wait on them.
 */
@Component
class LiveStreams implements StreamLifecycleListener, LiveChannels, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** The picture shown on a live channel's cards: a JPEG and when it was taken. */
    record Preview(byte[] jpeg, Instant takenAt) {}

    /** One live stream. Its monitor orders its start before its end on the writer. */
    private static final class Live {
        final long sessionId;
        final User user;
        /** Set at the start from the next stream's title; the streamer may change it while live. */
        volatile String title;
        final Instant startedAt;
        volatile int viewers;
        volatile Preview preview;
        /** Someone fetched the picture since it was taken: the next one is worth an ffmpeg. */
        volatile boolean previewSeen;
        final AtomicInteger peak = new AtomicInteger();

        Live(long sessionId, User user, String title, Instant startedAt) {
            this.sessionId = sessionId;
            this.user = user;
            this.title = title;
            this.startedAt = startedAt;
        }

        LiveChannel view() {
            Preview p = preview;
            return new LiveChannel(user.id(), user.username(), title, startedAt, viewers, sessionId, p == null ? null : p.takenAt());
        }
    }

    private final ConcurrentMap<String, Live> live = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("live-sessions").daemon().factory());
    private final AccountService accounts;
    private final ChannelRepository channels;
    private final LiveSessionRepository sessions;
    private final IdGenerator ids;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReplayImporter replays;

    LiveStreams(AccountService accounts, ChannelRepository channels, LiveSessionRepository sessions, IdGenerator ids,
                ApplicationEventPublisher events, Clock clock, ReplayImporter replays) {
        this.replays = replays;
        this.accounts = accounts;
        this.channels = channels;
        this.sessions = sessions;
        this.ids = ids;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void streamStarted(String streamName) {
        if (streamName == null || live.containsKey(key(streamName))) return; // a repeated notice
        Optional<User> user;
        String title;
        try {
            user = accounts.findByUsername(streamName);
            title = user.flatMap(u -> channels.nextTitle(u.id())).orElseGet(() -> LiveInput.defaultTitle(streamName));
        } catch (RuntimeException e) {
            log.error("Cannot look up the channel of live stream {}", streamName, e);
            return;
        }
        if (user.isEmpty()) {
            log.warn("Live stream {} started but no user has that name; ignored", streamName);
            return;
        }
        Live stream = new Live(ids.next(), user.get(), title, clock.instant());
        synchronized (stream) {
            if (live.putIfAbsent(key(streamName), stream) != null) return;
            write(() -> {
                sessions.closeOpen(stream.user.id(), stream.startedAt);
                sessions.insert(stream.sessionId, stream.user.id(), stream.title, stream.startedAt);
                events.publishEvent(new StreamStarted(stream.user.id(), stream.user.username(), stream.title));
            });
        }
    }

    @Override
    public void viewersChanged(String streamName, int viewers) {
        Live stream = streamName == null ? null : live.get(key(streamName));
        if (stream == null) return;
        int count = Math.max(0, viewers);
        stream.viewers = count;
        stream.peak.accumulateAndGet(count, Math::max);
    }

    @Override
    public void streamEnded(String streamName) {
        Live stream = streamName == null ? null : live.remove(key(streamName));
        if (stream != null) end(stream, clock.instant());
    }

    private void end(Live stream, Instant endedAt) {
        synchronized (stream) {
            int peak = stream.peak.get();
            write(() -> {
                sessions.end(stream.sessionId, endedAt, peak);
                events.publishEvent(new StreamEnded(stream.user.id(), stream.user.username(), stream.title,
                        stream.sessionId, stream.startedAt, endedAt, peak));
            });
        }
    }

    /** Recordings are imported on the writer thread, after the session row that names them. */
    @Override
    public void recordingFinished(String streamName, java.nio.file.Path flvFile) {
        write(() -> replays.importRecording(streamName, flvFile));
    }

    /**
     * The channel's stream, if live now, takes the new title at once, as Twitch's "Edit stream info" does: its pages,
     * cards and session row, and so its replay. Answers whether it was live.
     */
    boolean retitle(long userId, String title) {
        boolean retitled = false;
        for (Live stream : live.values()) {
            if (stream.user.id() != userId) continue;
            synchronized (stream) { // after its session row's insert on the writer, never before
                stream.title = title;
                write(() -> sessions.retitle(stream.sessionId, title));
            }
            retitled = true;
        }
        return retitled;
    }

    @Override
    public List<LiveChannel> liveNow() {
        return live.values().stream().map(Live::view)
                .sorted(Comparator.comparingInt(LiveChannel::viewers).reversed().thenComparing(LiveChannel::startedAt))
                .toList();
    }

    @Override
    public Optional<LiveChannel> find(String username) {
        return Optional.ofNullable(username == null ? null : live.get(key(username))).map(Live::view);
    }

    /** A new picture of a live session; it goes with the session, so a channel that ended shows none. */
    void previewTaken(LiveChannel session, Preview preview) {
        Live stream = live.get(key(session.username()));
        if (stream != null && stream.sessionId == session.sessionId()) {
            stream.preview = preview;
            stream.previewSeen = false;
        }
    }

    /** The channel's newest picture while it is live, to be shown: it counts as seen. */
    Optional<Preview> preview(String username) {
        Live stream = username == null ? null : live.get(key(username));
        if (stream == null || stream.preview == null) return Optional.empty();
        stream.previewSeen = true;
        return Optional.of(stream.preview);
    }

    /** Whether the session's newest picture was fetched since it was taken. */
    boolean previewSeen(LiveChannel session) {
        Live stream = live.get(key(session.username()));
        return stream != null && stream.sessionId == session.sessionId() && stream.previewSeen;
    }

    /** Streams still live when the server stops end now, so their sessions are not left open. */
    @Override
    public void destroy() throws InterruptedException {
        Instant now = clock.instant();
        for (String name : List.copyOf(live.keySet())) {
            Live stream = live.remove(name);
            if (stream != null) end(stream, now);
        }
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) log.warn("Live session writes still pending at shutdown");
    }

    private void write(Runnable task) {
        try {
            writer.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Cannot record a live session change", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.warn("Shutting down: a live session change was not recorded");
        }
    }

    private static String key(String streamName) {
        return streamName.toLowerCase(Locale.ROOT);
    }
}
