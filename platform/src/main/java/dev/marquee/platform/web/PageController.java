package dev.marquee.platform.web;

import dev.marquee.platform.account.AccountService;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.account.User;
import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.live.LiveChannels;
import dev.marquee.platform.video.PlaybackUrls;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoJson;
import dev.marquee.platform.video.VideoQueries;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.video.VideoState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The server-rendered pages whose URLs people share (API.md "Pages"). */
@Controller
class PageController {
    private final VideoService videos;
    private final VideoQueries queries;
    private final AccountService accounts;
    private final PlaybackUrls urls;
    private final LiveChannels live;
    private final MarqueeProperties props;

    PageController(VideoService videos, VideoQueries queries, AccountService accounts, PlaybackUrls urls,
                   LiveChannels live, MarqueeProperties props) {
        this.videos = videos;
        this.queries = queries;
        this.accounts = accounts;
        this.urls = urls;
        this.live = live;
        this.props = props;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("videos", json(queries.latestPublic(48)));
        model.addAttribute("liveNow", live.liveNow().stream().limit(12).toList());
        return "home";
    }

    @GetMapping("/watch/{id}")
    String watch(@PathVariable String id, @Nullable CurrentUser me, Model model) {
        Video video = videos.requireVisible(id, me);
        model.addAttribute("video", VideoJson.of(video, urls));
        model.addAttribute("storyboardUrl", video.state() == VideoState.READY ? urls.storyboard(video) : null);
        model.addAttribute("pageUrl", props.publicUrl() + "/watch/" + video.publicId());
        return "watch";
    }

    @GetMapping("/c/{username}")
    String channel(@PathVariable String username, Model model) {
        User owner = accounts.requireByUsername(username);
        model.addAttribute("channel", Map.of("id", owner.publicId(), "username", owner.username()));
        model.addAttribute("liveNow", live.find(owner.username()).stream().toList()); // its stream first, as a card
        model.addAttribute("videos", json(queries.channel(owner.id(), 96)));
        return "channel";
    }

    @GetMapping("/upload")
    String upload(@Nullable CurrentUser me, Model model) {
        if (me == null) return signInFirst("/upload");
        model.addAttribute("maxUploadBytes", props.maxUploadSize().toBytes());
        return "upload";
    }

    @GetMapping("/my/videos")
    String myVideos(@Nullable CurrentUser me, Model model) {
        if (me == null) return signInFirst("/my/videos");
        model.addAttribute("videos", json(queries.ownedBy(me.id(), 500)));
        return "my-videos";
    }

    private List<VideoJson> json(List<Video> list) {
        return list.stream().map(v -> VideoJson.of(v, urls)).toList();
    }

    private static String signInFirst(String next) {
        return "redirect:/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }
}
