-- Danmaku: comments pinned to a playback time of a video. Portable SQL (SQLite and PostgreSQL).
-- time_ms is the playback time in milliseconds; slice = time_ms / 360000 (6-minute slices, the unit the
-- player fetches and caches); sender is the HMAC hash shown to viewers; user_id is NULL for imported ones.
CREATE TABLE danmaku (
    id          BIGINT PRIMARY KEY,
    video_id    BIGINT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
    slice       INTEGER NOT NULL,
    time_ms     BIGINT NOT NULL,
    text        VARCHAR(1000) NOT NULL,
    mode        VARCHAR(8) NOT NULL,
    color       INTEGER NOT NULL,
    size        VARCHAR(8) NOT NULL,
    sender      VARCHAR(16) NOT NULL,
    user_id     BIGINT REFERENCES users(id) ON DELETE SET NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX danmaku_video_slice ON danmaku(video_id, slice, id);
CREATE INDEX danmaku_user ON danmaku(user_id);
