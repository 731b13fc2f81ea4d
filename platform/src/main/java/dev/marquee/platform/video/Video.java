package dev.marquee.platform.video;

import dev.marquee.platform.id.PublicId;
import java.time.Instant;
import java.util.List;

/** A video as stored: metadata, where it is in its life, and what the transcoder made of it. */
public record Video(long id, long ownerId, String ownerName, String title, String description, List<String> tags,
                    Visibility visibility, VideoState state, int progress, String error, Instant createdAt,
                    Instant publishedAt, Double durationSeconds, Integer width, Integer height,
                    List<Rendition> renditions, long views, int transcodeAttempts) {

    public String publicId() {
        return PublicId.encode(id);
    }

    /** One rung of the adaptive ladder. */
    public record Rendition(int width, int height, long bandwidth) {}
}
