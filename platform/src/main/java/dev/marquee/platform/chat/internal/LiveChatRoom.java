package dev.marquee.platform.chat.internal;

import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.account.User;
import dev.marquee.platform.community.RoomFrame;
import dev.marquee.platform.community.RoomKind;
import dev.marquee.platform.community.RoomMember;
import dev.marquee.platform.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code /ws/live/{username}}: everyone may read, signed-in users may chat. A joining socket first gets the
 * recent lines, the live status, the viewer count and the chat settings, for itself alone.
 */
@Component
class LiveChatRoom implements RoomKind {
    private final AccountService accounts;
    private final LiveChat chat;
    private final ChatAudience audience;

    LiveChatRoom(AccountService accounts, LiveChat chat, ChatAudience audience) {
        this.accounts = accounts;
        this.chat = chat;
        this.audience = audience;
    }

    @Override
    public String path() {
        return "live";
    }

    @Override
    public String roomFor(String id, @Nullable CurrentUser user) {
        User channel = accounts.requireByUsername(id);
        return LiveChat.roomName(channel.id());
    }

    @Override
    public void joined(RoomMember member) {
        User channel = accounts.requireByUsername(member.pathId());
        ChatAudience.Snapshot now = audience.watch(channel.id(), channel.username(), member.room().name());
        member.send(chat.history(channel.id()));
        member.send(RoomFrame.of(now.status()));
        member.send(RoomFrame.of(ChatFrames.viewers(now.viewers())));
        member.send(RoomFrame.of(ChatFrames.settings(chat.slowModeSeconds(channel.id()))));
    }

    @Override
    public void received(RoomMember member, String type, JsonNode message) {
        if (!type.equals("chat")) throw ProblemException.badRequest("Unknown message type \"" + type + "\"; send \"chat\" or \"ping\".");
        var poster = member.poster();
        JsonNode text = message.get("text");
        if (text == null || !text.isString()) throw ProblemException.badRequest("text is required.");
        // The room's name holds the channel's id: no database read per line.
        chat.post(poster, LiveChat.channelOf(member.room().name()), member.pathId(), text.asString());
    }
}
