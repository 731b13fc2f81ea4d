-- A streamer may keep streams live-only: save_replay off means a finished session's recording is not kept.
-- The title becomes optional, so that a streamer who only turned replays off has no title set.
-- (Rebuilt rather than altered: SQLite cannot drop a NOT NULL.)
CREATE TABLE live_settings_v7 (
    user_id     BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    title       VARCHAR(140),
    save_replay BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at  BIGINT NOT NULL
);
INSERT INTO live_settings_v7 (user_id, title, save_replay, updated_at)
    SELECT user_id, title, TRUE, updated_at FROM live_settings;
DROP TABLE live_settings;
ALTER TABLE live_settings_v7 RENAME TO live_settings;
