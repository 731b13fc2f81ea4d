package dev.marquee.platform.live.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.config.MarqueeProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The live page of a channel and the streamer's "Go live" page. */
@Controller
class LivePageController {
    private final ChannelStatuses statuses;
    private final ChannelRepository channels;
    private final PastStreams pastStreams;
    private final LiveUrls urls;
    private final String publicUrl;

    LivePageController(ChannelStatuses statuses, ChannelRepository channels, PastStreams pastStreams, LiveUrls urls,
                       MarqueeProperties props) {
        this.statuses = statuses;
        this.channels = channels;
        this.pastStreams = pastStreams;
        this.urls = urls;
        this.publicUrl = props.publicUrl();
    }

    @GetMapping("/live/{username}")
    String live(@PathVariable String username, @Nullable CurrentUser me, Model model) {
        ChannelStatuses.ChannelStatus channel = statuses.require(username);
        model.addAttribute("canModerate", me != null && me.mayModify(channel.userId()));
        model.addAttribute("channel", channel);
        model.addAttribute("live", channel.status());
        model.addAttribute("pageUrl", publicUrl + "/live/" + channel.username());
        model.addAttribute("lastStream", channel.status().live() ? null : pastStreams.lastWatchable(channel.userId()));
        return "live";
    }

    @GetMapping("/go-live")
    String goLive(@Nullable CurrentUser me, Model model) {
        if (me == null) return "redirect:/login?next=" + URLEncoder.encode("/go-live", StandardCharsets.UTF_8);
        model.addAttribute("ingestUrl", urls.ingest());
        model.addAttribute("nextTitle", channels.nextTitle(me.id()).orElse(""));
        model.addAttribute("saveReplays", channels.savesReplays(me.id()));
        model.addAttribute("maxTitle", LiveInput.MAX_TITLE);
        model.addAttribute("live", statuses.require(me.username()).status());
        model.addAttribute("pastStreams", pastStreams.of(me.id(), PastStreams.DEFAULT_LIMIT));
        return "go-live";
    }

    @GetMapping("/live")
    String goLiveShortcut() {
        return "redirect:/go-live";
    }
}
