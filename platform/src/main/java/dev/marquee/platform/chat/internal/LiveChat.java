package dev.marquee.platform.chat.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marquee.platform.chat.ChatMessage;
import dev.marquee.platform.community.PostGuard;
import dev.marquee.platform.community.PostKind;
import dev.marquee.platform.community.Poster;
import dev.marquee.platform.community.RoomFrame;
import dev.marquee.platform.community.Rooms;
import dev.marquee.platform.community.UserText;
import dev.marquee.platform.id.IdGenerator;
import dev.marquee.platform.live.LiveChannel;
import dev.marquee.platform.live.LiveChannels;
import dev.marquee.platform.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Posting and deleting chat lines, slow mode, and the history a joining socket gets. Chat is open only while
 * the channel is live: every line has a stream time, so the session's chat replays on its recording.
 */
@Service
class LiveChat {
    static final int MAX_TEXT = 200;
    static final int HISTORY = 50;
    static final int MAX_SLOW_MODE_SECONDS = 300;

    private record CachedHistory(long version, RoomFrame frame) {}

    private final ChatRepository chats;
    private final PostGuard guard;
    private final LiveChannels live;
    private final Rooms rooms;
    private final IdGenerator ids;
    private final Clock clock;
    /** Slow mode per channel, read on every post: cached, written through. */
    private final Map<Long, Integer> slowMode = new ConcurrentHashMap<>();
    /** When each user last posted on each channel ("channel:user"), for slow mode. */
    private final Cache<String, Instant> lastPost = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterWrite(Duration.ofSeconds(MAX_SLOW_MODE_SECONDS)).build();
    /** Bumped on every change of a channel's chat, so a history built before the change is not kept. */
    private final Map<Long, AtomicLong> versions = new ConcurrentHashMap<>();
    private final Map<Long, CachedHistory> histories = new ConcurrentHashMap<>();

    LiveChat(ChatRepository chats, PostGuard guard, LiveChannels live, Rooms rooms, IdGenerator ids, Clock clock) {
        this.chats = chats;
        this.guard = guard;
        this.live = live;
        this.rooms = rooms;
        this.ids = ids;
        this.clock = clock;
    }

    static String roomName(long channelId) {
        return "live:" + channelId;
    }

    static long channelOf(String roomName) {
        return Long.parseLong(roomName.substring("live:".length()));
    }

    /** Checks, stores and publishes a line; throws ProblemException (400, 401, 403, 409, 429) when refused. */
    ChatMessage post(Poster poster, long channelId, String channelName, String rawText) {
        String text = UserText.line(rawText, MAX_TEXT, "text");
        LiveChannel channel = live.find(channelName).filter(c -> c.userId() == channelId).orElseThrow(() ->
                ProblemException.conflict(channelName + " is offline: chat opens when the stream starts."));
        boolean exempt = poster.user().mayModify(channelId);
        String slowKey = channelId + ":" + poster.userId();
        if (!exempt) refuseIfTooSoon(slowKey, slowModeSeconds(channelId));
        guard.admit(poster, PostKind.CHAT, channelId, text);
        Instant now = clock.instant();
        if (!exempt) lastPost.put(slowKey, now);
        long streamTime = Math.max(0, Duration.between(channel.startedAt(), now).toMillis());
        ChatMessage message = new ChatMessage(ids.next(), channelId, channel.sessionId(), poster.userId(),
                poster.user().username(), text, streamTime, now);
        chats.insert(message);
        changed(channelId);
        rooms.publish(roomName(channelId), ChatFrames.chat(message));
        return message;
    }

    /** Deletes a line of the channel and tells the room; 404 when there is none. */
    void delete(long channelId, long messageId) {
        if (!chats.delete(channelId, messageId, clock.instant())) throw ProblemException.notFound("No such chat message.");
        changed(channelId);
        rooms.publish(roomName(channelId), ChatFrames.deleted(messageId));
    }

    int slowModeSeconds(long channelId) {
        return slowMode.computeIfAbsent(channelId, chats::slowModeSeconds);
    }

    void setSlowMode(long channelId, int seconds) {
        if (seconds < 0 || seconds > MAX_SLOW_MODE_SECONDS)
            throw ProblemException.badRequest("slowModeSeconds is from 0 to " + MAX_SLOW_MODE_SECONDS + ".");
        chats.setSlowModeSeconds(channelId, seconds, clock.instant());
        slowMode.put(channelId, seconds);
        rooms.publish(roomName(channelId), ChatFrames.settings(seconds));
    }

    /** The channel's newest lines as one frame, built once per change of its chat. */
    RoomFrame history(long channelId) {
        long version = versions.computeIfAbsent(channelId, id -> new AtomicLong()).get();
        CachedHistory cached = histories.get(channelId);
        if (cached != null && cached.version() == version) return cached.frame();
        RoomFrame frame = RoomFrame.of(ChatFrames.history(chats.recent(channelId, HISTORY)));
        histories.put(channelId, new CachedHistory(version, frame));
        return frame;
    }

    private void changed(long channelId) {
        versions.computeIfAbsent(channelId, id -> new AtomicLong()).incrementAndGet();
    }

    private void refuseIfTooSoon(String slowKey, int seconds) {
        if (seconds <= 0) return;
        Instant last = lastPost.getIfPresent(slowKey);
        if (last == null) return;
        long waitMillis = Duration.ofSeconds(seconds).minus(Duration.between(last, clock.instant())).toMillis();
        if (waitMillis <= 0) return;
        long wait = (waitMillis + 999) / 1000;
        throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "Slow mode",
                "Slow mode is on: one message every " + seconds + " s. Wait " + wait + " s.", wait);
    }
}
