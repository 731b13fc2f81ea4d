package dev.marquee.platform.chat.internal;

import dev.marquee.platform.chat.ChatMessage;
import dev.marquee.platform.danmaku.DanmakuArchive;
import dev.marquee.platform.danmaku.TimedMessage;
import dev.marquee.platform.live.ReplayCreated;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A session's chat becomes its replay's danmaku, each line at its stream time: the recording starts with the
 * session's first frame, which is stream time 0. Deleted lines stay out.
 */
@Component
class ChatReplayWriter {
    private static final Logger log = LoggerFactory.getLogger(ChatReplayWriter.class);

    private final ChatRepository chats;
    private final ObjectProvider<DanmakuArchive> archive;

    ChatReplayWriter(ChatRepository chats, ObjectProvider<DanmakuArchive> archive) {
        this.chats = chats;
        this.archive = archive;
    }

    @EventListener
    void replayCreated(ReplayCreated replay) {
        try {
            List<ChatMessage> lines = chats.ofSession(replay.sessionId());
            if (lines.isEmpty()) return;
            DanmakuArchive danmaku = archive.getIfAvailable();
            if (danmaku == null) {
                log.warn("No danmaku store in this build: the chat of session {} is not replayed", replay.sessionId());
                return;
            }
            danmaku.addAll(replay.videoId(), lines.stream().map(ChatReplayWriter::timed).toList());
            log.info("Chat of live session {}: {} lines replay as danmaku on video {}", replay.sessionId(), lines.size(), replay.videoId());
        } catch (RuntimeException e) { // the replay video stays; only its danmaku are missing
            log.warn("Could not replay the chat of live session {}", replay.sessionId(), e);
        }
    }

    static TimedMessage timed(ChatMessage m) {
        return new TimedMessage(m.authorId(), m.streamTimeMillis() / 1000.0, m.text(), m.createdAt());
    }
}
