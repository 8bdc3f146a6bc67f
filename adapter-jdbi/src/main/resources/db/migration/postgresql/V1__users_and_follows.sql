-- Users and who follows whom.
-- email_key and username_key hold the application's normalized (lower-case) forms; the unique
-- constraints on them decide whether an address or a name is taken, whatever the letter case.
CREATE TABLE users (
    id            BIGINT GENERATED ALWAYS AS IDENTITY,
    email         TEXT        NOT NULL,
    email_key     TEXT        NOT NULL,
    username      TEXT        NOT NULL,
    username_key  TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    bio           TEXT,
    image         TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT users_pkey PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email_key),
    CONSTRAINT users_username_key UNIQUE (username_key),
    CONSTRAINT users_email_length CHECK (char_length(email) BETWEEN 3 AND 254),
    CONSTRAINT users_username_length CHECK (char_length(username) BETWEEN 1 AND 40)
);

CREATE TABLE follows (
    follower_id BIGINT      NOT NULL,
    followee_id BIGINT      NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT follows_pkey PRIMARY KEY (follower_id, followee_id),
    CONSTRAINT follows_follower_fkey FOREIGN KEY (follower_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT follows_followee_fkey FOREIGN KEY (followee_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT follows_not_self CHECK (follower_id <> followee_id)
);

-- "Who follows this user" (and the cascade from users) without scanning the table.
CREATE INDEX follows_followee_idx ON follows (followee_id);
