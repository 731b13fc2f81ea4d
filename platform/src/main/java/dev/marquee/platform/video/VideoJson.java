package dev.marquee.platform.video;

import java.time.Instant;
import java.util.List;

/** A video as API.md shows it, also the model of the pages. */
public record VideoJson(String id, String title, String description, List<String> tags, String visibility,
                        String state, int progress, String error, Owner owner, Instant createdAt,
                        Instant publishedAt, Double durationSeconds, Integer width, Integer height,
                        String thumbnailUrl, String hlsUrl, List<RenditionJson> renditions, long views) {

    public record Owner(String id, String username) {}

    public record RenditionJson(int height, int width, long bandwidth) {}

    public static VideoJson of(Video v, PlaybackUrls urls) {
        boolean ready = v.state() == VideoState.READY;
        return new VideoJson(v.publicId(), v.title(), v.description(), v.tags(), v.visibility().wireName(),
                v.state().wireName(), v.progress(), v.error(),
                new Owner(dev.marquee.platform.id.PublicId.encode(v.ownerId()), v.ownerName()), v.createdAt(),
                v.publishedAt(), v.durationSeconds(), v.width(), v.height(),
                ready ? urls.thumbnail(v) : null, ready ? urls.hls(v) : null,
                v.renditions().stream().map(r -> new RenditionJson(r.height(), r.width(), r.bandwidth())).toList(),
                v.views());
    }
}
