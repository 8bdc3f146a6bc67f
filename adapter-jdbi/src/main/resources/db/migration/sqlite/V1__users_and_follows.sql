-- Users and who follows whom; the same shape and constraint names as the PostgreSQL migration.
-- email_key and username_key hold the application's normalized (lower-case) forms: SQLite's lower()
-- folds ASCII only, so the application, not the database, decides what "the same letters" means.
CREATE TABLE users (
    id            INTEGER NOT NULL,
    email         TEXT    NOT NULL,
    email_key     TEXT    NOT NULL,
    username      TEXT    NOT NULL,
    username_key  TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    bio           TEXT,
    image         TEXT,
    created_at    TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email_key),
    CONSTRAINT users_username_key UNIQUE (username_key),
    CONSTRAINT users_email_length CHECK (length(email) BETWEEN 3 AND 254),
    CONSTRAINT users_username_length CHECK (length(username) BETWEEN 1 AND 40)
);

CREATE TABLE follows (
    follower_id INTEGER NOT NULL,
    followee_id INTEGER NOT NULL,
    created_at  TEXT    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT follows_pkey PRIMARY KEY (follower_id, followee_id),
    CONSTRAINT follows_follower_fkey FOREIGN KEY (follower_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT follows_followee_fkey FOREIGN KEY (followee_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT follows_not_self CHECK (follower_id <> followee_id)
);

CREATE INDEX follows_followee_idx ON follows (followee_id);
