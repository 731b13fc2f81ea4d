package dev.marquee.platform.social.internal;

import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.account.User;
import dev.marquee.platform.id.PublicId;
import dev.marquee.platform.live.LiveChannels;
import dev.marquee.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Subscribing to a channel (API.md), its subscriber count, and the channels one follows. */
@RestController
class SubscriptionApiController {
    record Subscription(boolean subscribed, long subscribers) {}

    record Channel(String id, String username, Instant subscribedAt, boolean live) {}

    record Channels(List<Channel> items) {}

    private final AccountService accounts;
    private final SubscriptionRepository subscriptions;
    private final LiveChannels live;
    private final Clock clock;

    SubscriptionApiController(AccountService accounts, SubscriptionRepository subscriptions, LiveChannels live, Clock clock) {
        this.accounts = accounts;
        this.subscriptions = subscriptions;
        this.live = live;
        this.clock = clock;
    }

    @GetMapping("/api/v1/users/{username}/subscription")
    Subscription get(@PathVariable String username, @Nullable CurrentUser me) {
        User channel = accounts.requireByUsername(username);
        return new Subscription(me != null && subscriptions.subscribed(me.id(), channel.id()), subscriptions.subscribers(channel.id()));
    }

    @PutMapping("/api/v1/users/{username}/subscription")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void subscribe(@PathVariable String username, CurrentUser me) {
        User channel = accounts.requireByUsername(username);
        if (channel.id() == me.id()) throw ProblemException.badRequest("You cannot subscribe to your own channel.");
        subscriptions.subscribe(me.id(), channel.id(), clock.instant());
    }

    @DeleteMapping("/api/v1/users/{username}/subscription")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unsubscribe(@PathVariable String username, CurrentUser me) {
        subscriptions.unsubscribe(me.id(), accounts.requireByUsername(username).id());
    }

    @GetMapping("/api/v1/users/me/subscriptions")
    Channels mine(CurrentUser me) {
        return new Channels(subscriptions.channelsOf(me.id()).stream()
                .map(f -> new Channel(PublicId.encode(f.channelId()), f.username(), f.since(), live.find(f.username()).isPresent()))
                .toList());
    }
}
