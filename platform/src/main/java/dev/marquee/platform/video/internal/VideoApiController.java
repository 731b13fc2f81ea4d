package dev.marquee.platform.video.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.config.MarqueeProperties;
import dev.marquee.platform.video.PlaybackUrls;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoJson;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.video.Visibility;
import dev.marquee.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The video routes of API.md, plus view counting. */
@RestController
class VideoApiController {
    record VideoFields(String title, String description, List<String> tags, String visibility) {}

    record CreatedVideo(@JsonUnwrapped VideoJson video, String upload) {}

    record Page(List<VideoJson> items, String next) {}

    private final VideoService videos;
    private final VideoRepository repository;
    private final PlaybackUrls urls;
    private final ViewCounter views;
    private final String publicUrl;

    VideoApiController(VideoService videos, VideoRepository repository, PlaybackUrls urls, ViewCounter views,
                       MarqueeProperties props) {
        this.videos = videos;
        this.repository = repository;
        this.urls = urls;
        this.views = views;
        this.publicUrl = props.publicUrl();
    }

    @PostMapping("/api/v1/videos")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedVideo create(@RequestBody VideoFields body, CurrentUser me) {
        Video video = videos.create(me, VideoInput.title(body.title()), VideoInput.description(body.description()),
                VideoInput.tags(body.tags()), VideoInput.visibility(body.visibility(), Visibility.PUBLIC));
        return new CreatedVideo(VideoJson.of(video, urls), publicUrl + "/api/v1/videos/" + video.publicId() + "/upload");
    }

    @GetMapping("/api/v1/videos/{id}")
    VideoJson get(@PathVariable String id, @Nullable CurrentUser me) {
        return VideoJson.of(videos.requireVisible(id, me), urls);
    }

    @GetMapping("/api/v1/videos")
    Page list(@RequestParam(defaultValue = "-published") String sort, @RequestParam(defaultValue = "20") int limit,
              @RequestParam(required = false) String cursor) {
        if (!sort.equals("-published") && !sort.equals("published"))
            throw ProblemException.badRequest("sort is -published or published.");
        if (limit < 1 || limit > 100) throw ProblemException.badRequest("limit is 1 to 100.");
        ListCursor after = cursor == null || cursor.isEmpty() ? null : ListCursor.parse(cursor);
        List<Video> page = repository.listPublic(after == null ? null : after.publishedAt(),
                after == null ? null : after.id(), sort.startsWith("-"), limit + 1);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            Video last = page.getLast();
            next = new ListCursor(last.publishedAt().toEpochMilli(), last.id()).encode();
        }
        return new Page(page.stream().map(v -> VideoJson.of(v, urls)).toList(), next);
    }

    @PatchMapping("/api/v1/videos/{id}")
    VideoJson update(@PathVariable String id, @RequestBody VideoFields body, CurrentUser me) {
        Video video = videos.requireModifiable(id, me);
        repository.updateMetadata(video.id(),
                body.title() == null ? video.title() : VideoInput.title(body.title()),
                body.description() == null ? video.description() : VideoInput.description(body.description()),
                body.tags() == null ? video.tags() : VideoInput.tags(body.tags()),
                VideoInput.visibility(body.visibility(), video.visibility()));
        return VideoJson.of(videos.find(video.id()).orElseThrow(), urls);
    }

    @DeleteMapping("/api/v1/videos/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, CurrentUser me) {
        videos.delete(videos.requireModifiable(id, me));
    }

    @PostMapping("/api/v1/videos/{id}/views")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void view(@PathVariable String id, @Nullable CurrentUser me, HttpServletRequest request) {
        Video video = videos.requireVisible(id, me);
        views.record(video.id(), me, request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
