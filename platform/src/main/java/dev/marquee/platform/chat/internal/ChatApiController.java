package dev.marquee.platform.chat.internal;

import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.account.Role;
import dev.marquee.platform.account.User;
import dev.marquee.platform.community.Ban;
import dev.marquee.platform.community.Bans;
import dev.marquee.platform.id.PublicId;
import dev.marquee.platform.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moderation of a live channel's chat by its streamer and admins: delete a line, time out or ban a user
 * (channel bans, so they stop chat, danmaku and comments on the channel alike), slow mode.
 */
@RestController
class ChatApiController {
    static final long MAX_TIMEOUT_SECONDS = Duration.ofDays(14).toSeconds();

    record BanRequest(@Nullable String username, @Nullable Long seconds) {}

    record SettingsJson(@Nullable Integer slowModeSeconds) {}

    record BanJson(ChatFrames.Author user, Instant until, Instant createdAt) {}

    private final AccountService accounts;
    private final LiveChat chat;
    private final Bans bans;
    private final Clock clock;

    ChatApiController(AccountService accounts, LiveChat chat, Bans bans, Clock clock) {
        this.accounts = accounts;
        this.chat = chat;
        this.bans = bans;
        this.clock = clock;
    }

    @DeleteMapping("/api/v1/live/{username}/chat/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String username, @PathVariable String id, CurrentUser me) {
        User channel = moderated(username, me);
        long messageId = PublicId.decode(id).orElseThrow(() -> ProblemException.notFound("No such chat message."));
        chat.delete(channel.id(), messageId);
    }

    @GetMapping("/api/v1/live/{username}/bans")
    Map<String, List<BanJson>> bans(@PathVariable String username, CurrentUser me) {
        User channel = moderated(username, me);
        return Map.of("items", bans.activeBans(channel.id()).stream().map(this::json).toList());
    }

    @PostMapping("/api/v1/live/{username}/bans")
    @ResponseStatus(HttpStatus.CREATED)
    BanJson ban(@PathVariable String username, CurrentUser me, @RequestBody BanRequest body) {
        User channel = moderated(username, me);
        if (body == null || body.username() == null || body.username().isBlank())
            throw ProblemException.badRequest("username is required.");
        Long seconds = body.seconds();
        if (seconds != null && (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS))
            throw ProblemException.badRequest("seconds is from 1 to " + MAX_TIMEOUT_SECONDS + " (14 days); leave it out to ban.");
        User target = accounts.findByUsername(body.username())
                .orElseThrow(() -> ProblemException.notFound("No user named " + body.username() + "."));
        if (target.id() == channel.id()) throw ProblemException.badRequest("The streamer cannot be banned from their own channel.");
        if (target.role() == Role.ADMIN) throw ProblemException.badRequest("Admins cannot be banned.");
        Instant until = seconds == null ? null : clock.instant().plusSeconds(seconds);
        bans.ban(channel.id(), target.id(), until, me.id());
        return json(bans.activeBan(channel.id(), target.id()).orElseThrow());
    }

    @DeleteMapping("/api/v1/live/{username}/bans/{user}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lift(@PathVariable String username, @PathVariable("user") String user, CurrentUser me) {
        User channel = moderated(username, me);
        User target = accounts.findByUsername(user).orElseThrow(() -> ProblemException.notFound("No user named " + user + "."));
        bans.lift(channel.id(), target.id());
    }

    @GetMapping("/api/v1/live/{username}/chat-settings")
    SettingsJson settings(@PathVariable String username) {
        return new SettingsJson(chat.slowModeSeconds(accounts.requireByUsername(username).id()));
    }

    @PutMapping("/api/v1/live/{username}/chat-settings")
    SettingsJson setSettings(@PathVariable String username, CurrentUser me, @RequestBody SettingsJson body) {
        User channel = moderated(username, me);
        if (body == null || body.slowModeSeconds() == null) throw ProblemException.badRequest("slowModeSeconds is required.");
        chat.setSlowMode(channel.id(), body.slowModeSeconds());
        return new SettingsJson(body.slowModeSeconds());
    }

    /** The channel, if the caller moderates it: 404 for no such channel, 403 for anyone but its streamer and admins. */
    private User moderated(String username, CurrentUser me) {
        User channel = accounts.requireByUsername(username);
        if (!me.mayModify(channel.id())) throw ProblemException.forbidden("Only the streamer and admins moderate this chat.");
        return channel;
    }

    private BanJson json(Ban ban) {
        String name = accounts.findById(ban.userId()).map(User::username).orElse(null);
        return new BanJson(new ChatFrames.Author(PublicId.encode(ban.userId()), name), ban.until(), ban.createdAt());
    }
}
