package dev.marquee.platform.video.internal;

import dev.marquee.platform.video.Video;
import dev.marquee.platform.video.VideoState;
import dev.marquee.platform.video.Visibility;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class VideoRepository {
    private static final String SELECT = "SELECT v.*, u.username AS owner_name FROM videos v JOIN users u ON u.id = v.owner_id ";
    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {};
    private static final TypeReference<List<Video.Rendition>> RENDITIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VideoRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(long id, long ownerId, String title, String description, List<String> tags,
                       Visibility visibility, Instant now) {
        jdbc.sql("""
                INSERT INTO videos (id, owner_id, title, description, tags, visibility, state, created_at, renditions)
                VALUES (?, ?, ?, ?, ?, ?, 'uploading', ?, '[]')
                """).params(id, ownerId, title, description, json.writeValueAsString(tags), visibility.wireName(),
                now.toEpochMilli()).update();
    }

    public Optional<Video> findById(long id) {
        return jdbc.sql(SELECT + "WHERE v.id = ?").param(id).query(this::map).optional();
    }

    /** Public, ready videos, newest first, after the (publishedAt, id) cursor when given. */
    public List<Video> listPublic(Long beforePublished, Long beforeId, boolean newestFirst, int limit) {
        String cmp = newestFirst ? "<" : ">";
        String order = newestFirst ? "DESC" : "ASC";
        String where = "WHERE v.state = 'ready' AND v.visibility = 'public' ";
        if (beforePublished != null) {
            where += "AND (v.published_at " + cmp + " :p OR (v.published_at = :p AND v.id " + cmp + " :id)) ";
        }
        var spec = jdbc.sql(SELECT + where + "ORDER BY v.published_at " + order + ", v.id " + order + " LIMIT :limit")
                .param("limit", limit);
        if (beforePublished != null) spec = spec.param("p", beforePublished).param("id", beforeId);
        return spec.query(this::map).list();
    }

    public List<Video> listByOwner(long ownerId, boolean onlyPublicReady, int limit) {
        String filter = onlyPublicReady ? "AND v.state = 'ready' AND v.visibility = 'public' " : "";
        return jdbc.sql(SELECT + "WHERE v.owner_id = ? " + filter + "ORDER BY v.created_at DESC, v.id DESC LIMIT ?")
                .params(ownerId, limit).query(this::map).list();
    }

    public List<Long> idsInState(VideoState state) {
        return jdbc.sql("SELECT id FROM videos WHERE state = ?").param(state.wireName()).query(Long.class).list();
    }

    public void updateMetadata(long id, String title, String description, List<String> tags, Visibility visibility) {
        jdbc.sql("UPDATE videos SET title = ?, description = ?, tags = ?, visibility = ? WHERE id = ?")
                .params(title, description, json.writeValueAsString(tags), visibility.wireName(), id).update();
    }

    /** Moves an uploading video to processing; false when it was not uploading. */
    public boolean markProcessing(long id, long uploadBytes) {
        return jdbc.sql("UPDATE videos SET state = 'processing', progress = 0, error = NULL, upload_bytes = ? "
                + "WHERE id = ? AND state = 'uploading'").params(uploadBytes, id).update() == 1;
    }

    public void updateProbe(long id, double durationSeconds, int width, int height) {
        jdbc.sql("UPDATE videos SET duration_seconds = ?, width = ?, height = ? WHERE id = ?")
                .params(durationSeconds, width, height, id).update();
    }

    public void updateProgress(long id, int progress) {
        jdbc.sql("UPDATE videos SET progress = ? WHERE id = ? AND state = 'processing'").params(progress, id).update();
    }

    public int incrementAttempts(long id) {
        jdbc.sql("UPDATE videos SET transcode_attempts = transcode_attempts + 1 WHERE id = ?").param(id).update();
        return jdbc.sql("SELECT transcode_attempts FROM videos WHERE id = ?").param(id).query(Integer.class).optional().orElse(0);
    }

    /** Marks the video ready; true the first time (so it is published once). */
    public boolean markReady(long id, List<Video.Rendition> renditions, Instant now) {
        jdbc.sql("UPDATE videos SET state = 'ready', progress = 100, error = NULL, renditions = ? WHERE id = ?")
                .params(json.writeValueAsString(renditions), id).update();
        return jdbc.sql("UPDATE videos SET published_at = ? WHERE id = ? AND published_at IS NULL")
                .params(now.toEpochMilli(), id).update() == 1;
    }

    public void markFailed(long id, String reason) {
        jdbc.sql("UPDATE videos SET state = 'failed', error = ? WHERE id = ?").params(reason, id).update();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM videos WHERE id = ?").param(id).update() == 1;
    }

    private Video map(ResultSet rs, int row) throws SQLException {
        long published = rs.getLong("published_at");
        boolean hasPublished = !rs.wasNull();
        double duration = rs.getDouble("duration_seconds");
        Double durationOrNull = rs.wasNull() ? null : duration;
        int width = rs.getInt("width");
        Integer widthOrNull = rs.wasNull() ? null : width;
        int height = rs.getInt("height");
        Integer heightOrNull = rs.wasNull() ? null : height;
        return new Video(rs.getLong("id"), rs.getLong("owner_id"), rs.getString("owner_name"), rs.getString("title"),
                rs.getString("description"), json.readValue(rs.getString("tags"), TAGS),
                Visibility.parse(rs.getString("visibility")).orElseThrow(), VideoState.fromWire(rs.getString("state")),
                rs.getInt("progress"), rs.getString("error"), Instant.ofEpochMilli(rs.getLong("created_at")),
                hasPublished ? Instant.ofEpochMilli(published) : null, durationOrNull, widthOrNull, heightOrNull,
                json.readValue(rs.getString("renditions"), RENDITIONS), rs.getLong("views"), rs.getInt("transcode_attempts"));
    }
}
