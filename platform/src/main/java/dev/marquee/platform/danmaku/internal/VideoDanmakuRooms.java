package dev.marquee.platform.danmaku.internal;

import dev.marquee.platform.account.CurrentUser;
import dev.marquee.platform.community.RoomKind;
import dev.marquee.platform.community.RoomMember;
import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoService;
import dev.marquee.platform.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code /ws/videos/{id}}: everyone watching a video gets its new danmaku; a member may post one. */
@Component
class VideoDanmakuRooms implements RoomKind {
    private final VideoService videos;
    private final DanmakuService danmaku;

    VideoDanmakuRooms(VideoService videos, DanmakuService danmaku) {
        this.videos = videos;
        this.danmaku = danmaku;
    }

    @Override
    public String path() {
        return "videos";
    }

    @Override
    public String roomFor(String id, @Nullable CurrentUser user) {
        return DanmakuService.roomName(videos.requireVisible(id, user).id());
    }

    @Override
    public void received(RoomMember member, String type, JsonNode message) {
        if (!type.equals("danmaku")) throw ProblemException.badRequest("This room takes \"danmaku\" messages.");
        var poster = member.poster();
        Video video = videos.requireVisible(member.pathId(), member.user()); // it may have turned private since
        danmaku.post(poster, video, DanmakuInput.parse(message, video.durationSeconds()));
    }
}
