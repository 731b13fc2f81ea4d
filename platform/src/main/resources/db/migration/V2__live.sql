-- Live streaming. Portable SQL: runs unchanged on SQLite and PostgreSQL. Times are epoch milliseconds.

-- One current stream key per user. The key itself is never stored: it is derived on demand as
-- "live_" + base64url(HMAC-SHA256(site secret, user id ":" salt)), so the owner can be shown it again
-- while a leaked database alone reveals no key. Publishing looks the key up by its SHA-256 hash.
-- Rotating draws a new salt (and so a new key and hash); the old key no longer matches any row.
CREATE TABLE stream_keys (
    user_id     BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    salt        VARCHAR(32) NOT NULL,
    key_hash    VARCHAR(64) NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL
);

-- What a streamer set up for their next stream.
CREATE TABLE live_settings (
    user_id     BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    title       VARCHAR(140) NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- One row per stream, from the first frame to the end (after the media plane's reconnect grace).
-- ended_at is NULL while live; a session the server lost track of (it stopped mid-stream) is closed
-- when the same user next goes live.
CREATE TABLE live_sessions (
    id            BIGINT PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    title         VARCHAR(140) NOT NULL,
    started_at    BIGINT NOT NULL,
    ended_at      BIGINT,
    peak_viewers  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX live_sessions_user ON live_sessions(user_id, started_at);
