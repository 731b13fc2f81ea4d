package dev.marquee.platform.video.internal;

import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoQueries;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class RepositoryVideoQueries implements VideoQueries {
    private final VideoRepository videos;

    RepositoryVideoQueries(VideoRepository videos) {
        this.videos = videos;
    }

    @Override
    public List<Video> latestPublic(int limit) {
        return videos.listPublic(null, null, true, limit);
    }

    @Override
    public List<Video> channel(long ownerId, int limit) {
        return videos.listByOwner(ownerId, true, limit);
    }

    @Override
    public List<Video> ownedBy(long ownerId, int limit) {
        return videos.listByOwner(ownerId, false, limit);
    }
}
