package dev.marquee.platform.chat.internal;

import dev.marquee.platform.chat.ChatMessage;
import dev.marquee.platform.id.PublicId;
import java.util.List;

/** The frames of a live chat room, as API.md lists them (chat, viewers, deleted) plus history, status, settings. */
final class ChatFrames {
    private ChatFrames() {}

    record Author(String id, String username) {}

    /** {@code streamTime}: milliseconds since the live session started. */
    record Chat(String type, String id, String text, Author author, Long streamTime) {}

    /** The newest lines, oldest first, sent to a socket alone when it joins. */
    record History(String type, List<Chat> items) {}

    record Viewers(String type, int count) {}

    record Deleted(String type, String id) {}

    /** The channel went live or offline; {@code startedAt} is ISO-8601 or null, {@code previewUrl} a site path or null. */
    record Status(String type, boolean live, String title, String startedAt, int viewers, String previewUrl) {}

    record Settings(String type, int slowModeSeconds) {}

    /** The channel's last stream can be watched again as the video {@code videoId}. */
    record Replay(String type, String videoId, String title) {}

    static Chat chat(ChatMessage m) {
        return new Chat("chat", PublicId.encode(m.id()), m.text(),
                new Author(PublicId.encode(m.authorId()), m.authorName()), m.streamTimeMillis());
    }

    static History history(List<ChatMessage> messages) {
        return new History("history", messages.stream().map(ChatFrames::chat).toList());
    }

    static Viewers viewers(int count) {
        return new Viewers("viewers", count);
    }

    static Deleted deleted(long id) {
        return new Deleted("deleted", PublicId.encode(id));
    }

    static Replay replay(long videoId, String title) {
        return new Replay("replay", PublicId.encode(videoId), title);
    }

    static Settings settings(int slowModeSeconds) {
        return new Settings("settings", slowModeSeconds);
    }
}
