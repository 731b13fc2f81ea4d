package dev.marquee.platform.chat.internal;

import dev.marquee.platform.community.Rooms;
import dev.marquee.platform.live.LiveChannel;
import dev.marquee.platform.live.LiveChannels;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Tells each open chat room what the media plane knows of its channel: the viewer count (at most one frame
 * per {@link #VIEWERS_EVERY_MILLIS} per room, and only when it changed), the going live or offline, and a new title.
 * One tick a second over the open rooms; nothing is asked of the database.
 */
@Component
class ChatAudience implements DisposableBean {
    static final long VIEWERS_EVERY_MILLIS = 2000;
    private static final Logger log = LoggerFactory.getLogger(ChatAudience.class);

    record Snapshot(ChatFrames.Status status, int viewers) {}

    /** What a room was last told. */
    private static final class Watched {
        final String username;
        final String roomName;
        long sessionId;
        String title;
        int viewers;
        long viewersSentAt;

        Watched(String username, String roomName, long sessionId, String title, int viewers, long now) {
            this.username = username;
            this.roomName = roomName;
            this.sessionId = sessionId;
            this.title = title;
            this.viewers = viewers;
            this.viewersSentAt = now;
        }
    }

    private final Map<Long, Watched> watched = new ConcurrentHashMap<>();
    private final LiveChannels live;
    private final Rooms rooms;
    private final Clock clock;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-audience").daemon().factory());

    ChatAudience(LiveChannels live, Rooms rooms, Clock clock) {
        this.live = live;
        this.rooms = rooms;
        this.clock = clock;
        ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** A socket joined the channel's room: keep its room told from now on; returns the state now. */
    Snapshot watch(long channelId, String username, String roomName) {
        Optional<LiveChannel> now = live.find(username);
        int viewers = now.map(LiveChannel::viewers).orElse(0);
        watched.computeIfAbsent(channelId, id -> new Watched(username, roomName,
                now.map(LiveChannel::sessionId).orElse(0L), now.map(LiveChannel::title).orElse(null), viewers, clock.millis()));
        return new Snapshot(status(now), viewers);
    }

    private void tick() {
        try {
            long nowMillis = clock.millis();
            watched.entrySet().removeIf(e -> rooms.size(e.getValue().roomName) == 0);
            for (Watched w : watched.values()) {
                Optional<LiveChannel> now = live.find(w.username);
                long session = now.map(LiveChannel::sessionId).orElse(0L);
                String title = now.map(LiveChannel::title).orElse(null);
                int viewers = now.map(LiveChannel::viewers).orElse(0);
                // a stream began or ended, or the streamer renamed it; the status frame carries the count too
                if (session != w.sessionId || !Objects.equals(title, w.title)) {
                    rooms.publish(w.roomName, status(now));
                    w.sessionId = session;
                    w.title = title;
                    w.viewers = viewers;
                    w.viewersSentAt = nowMillis;
                }
                if (viewers != w.viewers && nowMillis - w.viewersSentAt >= VIEWERS_EVERY_MILLIS) {
                    rooms.publish(w.roomName, ChatFrames.viewers(viewers));
                    w.viewers = viewers;
                    w.viewersSentAt = nowMillis;
                }
            }
        } catch (RuntimeException e) {
            log.warn("chat audience tick failed", e);
        }
    }

    private static ChatFrames.Status status(Optional<LiveChannel> now) {
        return now.map(c -> new ChatFrames.Status("status", true, c.title(), c.startedAt().toString(), c.viewers(), c.previewPath()))
                .orElseGet(() -> new ChatFrames.Status("status", false, null, null, 0, null));
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
