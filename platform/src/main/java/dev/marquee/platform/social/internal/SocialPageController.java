package dev.marquee.platform.social.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.live.LiveChannel;
import dev.marquee.platform.live.LiveChannels;
import dev.marquee.platform.video.PlaybackUrls;
import dev.marquee.platform.video.VideoJson;
import dev.marquee.platform.video.VideoService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The subscriptions page (newest videos of followed channels, and which of them are live) and notifications. */
@Controller
class SocialPageController {
    private final SubscriptionRepository subscriptions;
    private final NotificationRepository notifications;
    private final VideoService videos;
    private final PlaybackUrls urls;
    private final LiveChannels live;

    SocialPageController(SubscriptionRepository subscriptions, NotificationRepository notifications, VideoService videos,
                         PlaybackUrls urls, LiveChannels live) {
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.videos = videos;
        this.urls = urls;
        this.live = live;
    }

    @GetMapping("/subscriptions")
    String subscriptions(@Nullable CurrentUser me, Model model) {
        if (me == null) return signInFirst("/subscriptions");
        var channels = subscriptions.channelsOf(me.id());
        List<LiveChannel> liveNow = channels.stream().map(c -> live.find(c.username())).flatMap(Optional::stream).toList();
        List<VideoJson> newest = subscriptions.newestVideoIds(me.id(), 48).stream().map(videos::find)
                .flatMap(Optional::stream).map(v -> VideoJson.of(v, urls)).toList();
        model.addAttribute("channels", channels);
        model.addAttribute("liveNow", liveNow);
        model.addAttribute("videos", newest);
        return "subscriptions";
    }

    @GetMapping("/notifications")
    String notifications(@Nullable CurrentUser me, Model model) {
        if (me == null) return signInFirst("/notifications");
        model.addAttribute("notifications", notifications.list(me.id(), null, 100).stream()
                .map(NotificationApiController::item).toList());
        return "notifications";
    }

    private static String signInFirst(String next) {
        return "redirect:/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }
}
