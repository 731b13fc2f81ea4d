package dev.marquee.platform.live.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.video.PlaybackUrls;
import dev.marquee.platform.video.VideoJson;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.video.VideoState;
import dev.marquee.platform.video.Visibility;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The live page of a channel and the streamer's "Go live" page. */
@Controller
class LivePageController {
    /** Sessions looked at for the offline page's last stream: the newest replays may be private, deleted or not ready yet. */
    private static final int REPLAYS_LOOKED_AT = 5;

    private final ChannelStatuses statuses;
    private final ChannelRepository channels;
    private final LiveSessionRepository sessions;
    private final PastStreams pastStreams;
    private final VideoService videos;
    private final PlaybackUrls playback;
    private final LiveUrls urls;
    private final String publicUrl;

    LivePageController(ChannelStatuses statuses, ChannelRepository channels, LiveSessionRepository sessions,
                       PastStreams pastStreams, VideoService videos, PlaybackUrls playback, LiveUrls urls,
                       MarqueeProperties props) {
        this.pastStreams = pastStreams;
        this.statuses = statuses;
        this.channels = channels;
        this.sessions = sessions;
        this.videos = videos;
        this.playback = playback;
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
        model.addAttribute("lastStream", channel.status().live() ? null : lastStream(channel.userId()));
        return "live";
    }

    /** The newest replay anyone may watch, for the offline page: what a visitor who came too late wants. */
    private @Nullable VideoJson lastStream(long userId) {
        return sessions.recentReplays(userId, REPLAYS_LOOKED_AT).stream()
                .map(id -> videos.find(id).orElse(null))
                .filter(Objects::nonNull)
                .filter(v -> v.visibility() == Visibility.PUBLIC && v.state() == VideoState.READY)
                .findFirst()
                .map(v -> VideoJson.of(v, playback))
                .orElse(null);
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
