-- Who may not post where. Portable SQL: runs unchanged on SQLite and PostgreSQL. Times are epoch milliseconds.
-- channel_id is the account whose videos and live channel the ban covers; 0 means the whole site (admins).
-- until is NULL for a ban, set for a timeout; an expired row is ignored and replaced by the next ban.
CREATE TABLE bans (
    channel_id  BIGINT NOT NULL,
    user_id     BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    until       BIGINT,
    by_user_id  BIGINT NOT NULL,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (channel_id, user_id)
);
CREATE INDEX bans_user ON bans(user_id);
