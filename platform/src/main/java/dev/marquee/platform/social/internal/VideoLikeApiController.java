package dev.marquee.platform.social.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoService;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Liking a video (API.md), and how many did. Only on videos the caller may see. */
@RestController
class VideoLikeApiController {
    record Likes(long likes, boolean liked) {}

    private final VideoService videos;
    private final VideoLikeRepository likes;
    private final Clock clock;

    VideoLikeApiController(VideoService videos, VideoLikeRepository likes, Clock clock) {
        this.videos = videos;
        this.likes = likes;
        this.clock = clock;
    }

    @GetMapping("/api/v1/videos/{id}/like")
    Likes get(@PathVariable String id, @Nullable CurrentUser me) {
        Video video = videos.requireVisible(id, me);
        return new Likes(likes.count(video.id()), me != null && likes.liked(video.id(), me.id()));
    }

    @PutMapping("/api/v1/videos/{id}/like")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void like(@PathVariable String id, CurrentUser me) {
        likes.like(videos.requireVisible(id, me).id(), me.id(), clock.instant());
    }

    @DeleteMapping("/api/v1/videos/{id}/like")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlike(@PathVariable String id, CurrentUser me) {
        likes.unlike(videos.requireVisible(id, me).id(), me.id());
    }
}
