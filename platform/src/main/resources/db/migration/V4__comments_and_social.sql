-- Comments, likes, subscriptions and notifications. Portable SQL: runs unchanged on SQLite and PostgreSQL.
-- Times are epoch milliseconds. Ids are Snowflakes, so ordering by id is ordering by time.

-- One level of replies: parent_id names a top-level comment; deleting it deletes its replies.
-- likes and replies are counters recomputed from their source rows on every change (never drift).
CREATE TABLE comments (
    id          BIGINT PRIMARY KEY,
    video_id    BIGINT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
    author_id   BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    parent_id   BIGINT REFERENCES comments(id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    edited_at   BIGINT,
    likes       INTEGER NOT NULL DEFAULT 0,
    replies     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_video_new ON comments(video_id, parent_id, id);
CREATE INDEX comments_video_top ON comments(video_id, parent_id, likes, id);
CREATE INDEX comments_parent ON comments(parent_id, id);

CREATE TABLE comment_likes (
    comment_id  BIGINT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);

-- One like per user per video.
CREATE TABLE video_likes (
    video_id    BIGINT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (video_id, user_id)
);

-- channel_id is the account subscribed to.
CREATE TABLE subscriptions (
    subscriber_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    channel_id    BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at    BIGINT NOT NULL,
    PRIMARY KEY (subscriber_id, channel_id)
);
CREATE INDEX subscriptions_channel ON subscriptions(channel_id, subscriber_id);

-- One row per subscriber per event, written by one INSERT ... SELECT over the channel's subscribers:
-- event_id (a Snowflake per upload or stream start) is the notification's id within a user's list.
CREATE TABLE notifications (
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    event_id    BIGINT NOT NULL,
    kind        VARCHAR(8) NOT NULL,
    channel_id  BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    video_id    BIGINT REFERENCES videos(id) ON DELETE CASCADE,
    title       VARCHAR(200) NOT NULL,
    created_at  BIGINT NOT NULL,
    read_at     BIGINT,
    PRIMARY KEY (user_id, event_id)
);
CREATE INDEX notifications_unread ON notifications(user_id, read_at);
