package dev.marquee.platform.danmaku;

import java.util.List;

/** How other features add danmaku in bulk: a live session's chat becomes its replay's danmaku. */
public interface DanmakuArchive {
    /** Stores the messages as scroll danmaku (white, normal size) on the video, keeping the slice caps. */
    void addAll(long videoId, List<TimedMessage> messages);
}
