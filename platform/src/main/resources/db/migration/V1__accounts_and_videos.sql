-- Portable SQL: runs unchanged on SQLite and PostgreSQL. Times are epoch milliseconds.
CREATE TABLE users (
    id            BIGINT PRIMARY KEY,
    username      VARCHAR(30) NOT NULL,
    username_key  VARCHAR(30) NOT NULL UNIQUE,
    email         VARCHAR(254),
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(10) NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE refresh_tokens (
    id          BIGINT PRIMARY KEY,
    family_id   BIGINT NOT NULL,
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash  VARCHAR(64) NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT,
    revoked     SMALLINT NOT NULL DEFAULT 0
);
CREATE INDEX refresh_tokens_family ON refresh_tokens(family_id);

CREATE TABLE videos (
    id               BIGINT PRIMARY KEY,
    owner_id         BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    title            VARCHAR(200) NOT NULL,
    description      TEXT NOT NULL,
    tags             TEXT NOT NULL,
    visibility       VARCHAR(10) NOT NULL,
    state            VARCHAR(12) NOT NULL,
    progress         INTEGER NOT NULL DEFAULT 0,
    error            TEXT,
    created_at       BIGINT NOT NULL,
    published_at     BIGINT,
    duration_seconds DOUBLE PRECISION,
    width            INTEGER,
    height           INTEGER,
    renditions       TEXT NOT NULL,
    media_version    VARCHAR(32),
    upload_bytes     BIGINT,
    transcode_attempts INTEGER NOT NULL DEFAULT 0,
    views            BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX videos_listing ON videos(state, visibility, published_at);
CREATE INDEX videos_owner ON videos(owner_id, created_at);

-- One row per counted view (a viewer counts once per video per 30 minutes); the source the
-- reconciliation job recounts videos.views from.
CREATE TABLE video_views (
    video_id   BIGINT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
    viewer     VARCHAR(64) NOT NULL,
    window_start BIGINT NOT NULL,
    PRIMARY KEY (video_id, viewer, window_start)
);
