package dev.marquee.platform.danmaku.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marquee.platform.community.PostGuard;
import dev.marquee.platform.community.PostKind;
import dev.marquee.platform.community.Poster;
import dev.marquee.platform.community.Rooms;
import dev.marquee.platform.community.UserText;
import dev.marquee.platform.danmaku.DanmakuArchive;
import dev.marquee.platform.danmaku.TimedMessage;
import dev.marquee.platform.id.IdGenerator;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.web.ProblemException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posting, slicing and bulk adding of danmaku. A posted danmaku is stored, its slice trimmed to the cap and
 * dropped from the slice cache, then published to the video's room. Slices are cached serialized, with an ETag.
 */
@Service
class DanmakuService implements DanmakuArchive {
    /** The newest this many danmaku of each 6-minute slice are kept (trimmed on insert). */
    static final int SLICE_CAP = 3000;
    /** Archived chat keeps its own (longer) length limit; the column holds it. */
    static final int ARCHIVED_TEXT_MAX = 400;

    /** A slice as served: its items, the JSON body and a strong ETag of it. */
    record Slice(List<Danmaku.Json> items, byte[] body, String etag) {}

    private record SliceKey(long videoId, int slice) {}

    private final DanmakuRepository repository;
    private final PostGuard guard;
    private final Rooms rooms;
    private final IdGenerator ids;
    private final SenderHash senders;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json;
    private final Cache<SliceKey, Slice> slices = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    DanmakuService(DanmakuRepository repository, PostGuard guard, Rooms rooms, IdGenerator ids, SenderHash senders,
                   TransactionTemplate tx, Clock clock, JsonMapper json) {
        this.repository = repository;
        this.guard = guard;
        this.rooms = rooms;
        this.ids = ids;
        this.senders = senders;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
    }

    static String roomName(long videoId) {
        return "video:" + videoId;
    }

    /** Checks, admits (bans, floods, rates), stores and publishes one danmaku. */
    Danmaku.Json post(Poster poster, Video video, DanmakuInput in) {
        guard.admit(poster, PostKind.DANMAKU, video.ownerId(), in.text());
        Danmaku d = new Danmaku(ids.next(), video.id(), in.timeMs(), in.text(), in.mode(), in.color(), in.size(),
                senders.ofUser(poster.userId()), poster.userId(), clock.millis());
        repository.insert(d);
        repository.trim(video.id(), d.slice(), SLICE_CAP);
        slices.invalidate(new SliceKey(video.id(), d.slice()));
        Danmaku.Json out = d.json();
        rooms.publish(roomName(video.id()), Danmaku.Frame.of(out));
        return out;
    }

    Slice slice(long videoId, int slice) {
        return slices.get(new SliceKey(videoId, slice), k -> {
            List<Danmaku.Json> items = repository.slice(videoId, slice, SLICE_CAP).stream().map(Danmaku::json).toList();
            return serialized(items);
        });
    }

    Slice serialized(List<Danmaku.Json> items) {
        byte[] body = json.writeValueAsBytes(new Items(items));
        return new Slice(items, body, etag(body));
    }

    record Items(List<Danmaku.Json> items) {}

    @Override
    public void addAll(long videoId, List<TimedMessage> messages) {
        List<Danmaku> rows = new java.util.ArrayList<>();
        for (TimedMessage m : messages) {
            String text = cleanArchived(m.text());
            if (text == null) continue;
            rows.add(new Danmaku(ids.next(), videoId, Math.max(0, Math.round(m.timeSeconds() * 1000)), text,
                    DanmakuMode.SCROLL, 0xffffff, DanmakuSize.NORMAL, senders.ofUser(m.senderUserId()), m.senderUserId(),
                    m.writtenAt().toEpochMilli()));
        }
        storeAll(videoId, rows);
    }

    /** Chat lines were checked when written; cleaned again here, and an empty one is left out rather than failing the lot. */
    private static String cleanArchived(String text) {
        try {
            return UserText.line(text, ARCHIVED_TEXT_MAX, "text");
        } catch (ProblemException emptyOrTooLong) {
            return null;
        }
    }

    /** Stores many in one transaction, then trims every slice they touched. */
    void storeAll(long videoId, List<Danmaku> all) {
        Set<Integer> touched = new TreeSet<>();
        tx.executeWithoutResult(status -> {
            for (Danmaku d : all) {
                repository.insert(d);
                touched.add(d.slice());
            }
            for (int s : touched) repository.trim(videoId, s, SLICE_CAP);
        });
        for (int s : touched) slices.invalidate(new SliceKey(videoId, s));
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
