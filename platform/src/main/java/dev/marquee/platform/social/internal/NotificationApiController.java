package dev.marquee.platform.social.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.id.PublicId;
import dev.marquee.platform.web.ProblemException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in user's notifications, newest first, and marking them read. */
@RestController
class NotificationApiController {
    record Channel(String id, String username) {}

    record VideoRef(String id, String title) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String kind, Channel channel, VideoRef video, String title, Instant createdAt, boolean read) {}

    record Page(List<Item> items, String next, long unread) {}

    record ReadBody(List<String> ids) {}

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationApiController(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping("/api/v1/notifications")
    Page list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "20") int limit, CurrentUser me) {
        if (limit < 1 || limit > 100) throw ProblemException.badRequest("limit is 1 to 100.");
        List<NotificationRepository.Notification> rows = notifications.list(me.id(), parse(cursor), limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(8).putLong(rows.getLast().eventId()).array());
        }
        return new Page(rows.stream().map(NotificationApiController::item).toList(), next, notifications.unread(me.id()));
    }

    /** Marks the listed notifications read, or all of them when the body names none. */
    @PostMapping("/api/v1/notifications/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(@RequestBody(required = false) @Nullable ReadBody body, CurrentUser me) {
        if (body == null || body.ids() == null) {
            notifications.markAllRead(me.id(), clock.instant());
            return;
        }
        if (body.ids().size() > 500) throw ProblemException.badRequest("At most 500 ids at once.");
        List<Long> ids = new ArrayList<>();
        for (String id : body.ids()) {
            ids.add(PublicId.decode(id).orElseThrow(() -> ProblemException.badRequest("Not a notification id: " + id)));
        }
        notifications.markRead(me.id(), ids, clock.instant());
    }

    static Item item(NotificationRepository.Notification n) {
        return new Item(PublicId.encode(n.eventId()), n.kind(), new Channel(PublicId.encode(n.channelId()), n.channelName()),
                n.videoId() == null ? null : new VideoRef(PublicId.encode(n.videoId()), n.title()), n.title(), n.createdAt(), n.read());
    }

    private static Long parse(String cursor) {
        if (cursor == null || cursor.isEmpty()) return null;
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            if (raw.length != 8) throw new IllegalArgumentException();
            return ByteBuffer.wrap(raw).getLong();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("That cursor is not one this server gave out.");
        }
    }
}
