package dev.marquee.platform.chat.internal;

import dev.marquee.platform.community.Rooms;
import dev.marquee.platform.live.ReplayReady;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the viewers still on a channel's page that the stream they watched can be watched again. */
@Component
class ReplayAnnouncer {
    private final Rooms rooms;

    ReplayAnnouncer(Rooms rooms) {
        this.rooms = rooms;
    }

    @EventListener
    void replayReady(ReplayReady replay) {
        rooms.publish(LiveChat.roomName(replay.userId()), ChatFrames.replay(replay.videoId(), replay.title()));
    }
}
