package dev.marquee.platform.danmaku.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.community.Poster;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.video.Visibility;
import dev.marquee.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The danmaku routes of API.md. Reads come in 6-minute slices ({@code from=360k&to=360(k+1)}), cacheable by a
 * CDN for public videos (short max-age, ETag); any range up to one slice long is allowed, longer ones are 400.
 */
@RestController
class DanmakuApiController {
    static final int SLICE_SECONDS = 360;
    /** Short enough that a new danmaku reaches late joiners soon; live viewers get it by WebSocket anyway. */
    static final int MAX_AGE_SECONDS = 10;

    private final VideoService videos;
    private final DanmakuService danmaku;

    DanmakuApiController(VideoService videos, DanmakuService danmaku) {
        this.videos = videos;
        this.danmaku = danmaku;
    }

    @PostMapping("/api/v1/videos/{id}/danmaku")
    @ResponseStatus(HttpStatus.CREATED)
    Danmaku.Json post(@PathVariable String id, @RequestBody(required = false) JsonNode body, CurrentUser me,
                      HttpServletRequest request) {
        Video video = videos.requireVisible(id, me);
        return danmaku.post(new Poster(me, request.getRemoteAddr()), video, DanmakuInput.parse(body, video.durationSeconds()));
    }

    @GetMapping("/api/v1/videos/{id}/danmaku")
    ResponseEntity<byte[]> list(@PathVariable String id, @RequestParam(defaultValue = "0") double from,
                                @RequestParam(defaultValue = "360") double to, @Nullable CurrentUser me,
                                @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
        if (!(from >= 0) || !(to > from)) throw ProblemException.badRequest("from and to are seconds with 0 <= from < to.");
        if (to - from > SLICE_SECONDS)
            throw ProblemException.badRequest("Ask for at most one " + SLICE_SECONDS + "-second slice: from=" + SLICE_SECONDS
                    + "k&to=" + SLICE_SECONDS + "(k+1).");
        Video video = videos.requireVisible(id, me);
        DanmakuService.Slice answer = range(video.id(), from, to);
        CacheControl cache = video.visibility() == Visibility.PUBLIC
                ? CacheControl.maxAge(java.time.Duration.ofSeconds(MAX_AGE_SECONDS)).cachePublic()
                : CacheControl.noCache().cachePrivate();
        if (ifNoneMatch != null && ifNoneMatch.contains(answer.etag()))
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(answer.etag()).cacheControl(cache).build();
        return ResponseEntity.ok().eTag(answer.etag()).cacheControl(cache).contentType(MediaType.APPLICATION_JSON)
                .body(answer.body());
    }

    /** An aligned slice straight from the cache; any other range filtered from the (at most two) slices it spans. */
    private DanmakuService.Slice range(long videoId, double from, double to) {
        int first = (int) Math.floor(from / SLICE_SECONDS);
        if (from == first * (double) SLICE_SECONDS && to == (first + 1) * (double) SLICE_SECONDS)
            return danmaku.slice(videoId, first);
        int last = (int) Math.floor(Math.nextDown(to) / SLICE_SECONDS);
        List<Danmaku.Json> items = new ArrayList<>();
        for (int s = first; s <= last; s++)
            for (Danmaku.Json d : danmaku.slice(videoId, s).items())
                if (d.time() >= from && d.time() < to) items.add(d);
        return danmaku.serialized(items);
    }
}
