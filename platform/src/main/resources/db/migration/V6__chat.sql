-- Live chat. Portable SQL: runs unchanged on SQLite and PostgreSQL. Times are epoch milliseconds.

-- One row per chat line. channel_id is the streamer's user id; session_id the live session it was written
-- in and stream_time the milliseconds since that session started (chat is only open while live), so a
-- session's chat replays as danmaku on its recording. A deleted line keeps its row (deleted_at set) but is
-- never shown or replayed.
CREATE TABLE chat_messages (
    id           BIGINT PRIMARY KEY,
    channel_id   BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    session_id   BIGINT NOT NULL,
    author_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    text         VARCHAR(800) NOT NULL,
    stream_time  BIGINT NOT NULL,
    created_at   BIGINT NOT NULL,
    deleted_at   BIGINT
);
CREATE INDEX chat_messages_channel ON chat_messages(channel_id, id);
CREATE INDEX chat_messages_session ON chat_messages(session_id, stream_time);

-- A channel's chat rules; no row means the defaults (no slow mode).
CREATE TABLE chat_settings (
    channel_id         BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    slow_mode_seconds  INTEGER NOT NULL DEFAULT 0,
    updated_at         BIGINT NOT NULL
);

-- The video a session's recording became, once it is imported.
ALTER TABLE live_sessions ADD COLUMN replay_video_id BIGINT;
