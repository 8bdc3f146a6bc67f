-- Users and who follows whom; the same shape and constraint names as the PostgreSQL migration.
-- Every table is InnoDB (transactions, row locks, foreign keys) in utf8mb4 with the utf8mb4_nopad_bin collation:
-- text compares by its code points and a trailing space counts, as PostgreSQL's text does. MariaDB's default
-- collations would call 'Jake', 'jake', 'jaké' and 'jake ' one value, and the unique keys below with them.
-- email_key and username_key hold the application's normalized (lower-case) forms; the unique constraints on
-- them decide whether an address or a name is taken, whatever the letter case, exactly as on PostgreSQL.
-- Text that is a key is a VARCHAR no longer than an index entry allows (3072 bytes, 768 characters of utf8mb4);
-- the lengths the application allows are checked by name, as on PostgreSQL, not by the column's size.
-- MariaDB names every primary key PRIMARY, whatever the migration calls it, so the primary keys here are unnamed.
-- No MariaDB database predates these migrations (MariaDB support came with all six), so each one runs on
-- tables that are empty or being made, and none needs the table locks the PostgreSQL migrations take.
CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    email         VARCHAR(768) NOT NULL,
    email_key     VARCHAR(768) NOT NULL,
    username      VARCHAR(768) NOT NULL,
    username_key  VARCHAR(768) NOT NULL,
    password_hash TEXT         NOT NULL,
    bio           TEXT,
    image         TEXT,
    created_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at    DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    CONSTRAINT users_email_key UNIQUE (email_key),
    CONSTRAINT users_username_key UNIQUE (username_key),
    CONSTRAINT users_email_length CHECK (char_length(email) BETWEEN 3 AND 254),
    CONSTRAINT users_username_length CHECK (char_length(username) BETWEEN 1 AND 40)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE follows (
    follower_id BIGINT      NOT NULL,
    followee_id BIGINT      NOT NULL,
    created_at  DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (follower_id, followee_id),
    CONSTRAINT follows_follower_fkey FOREIGN KEY (follower_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT follows_followee_fkey FOREIGN KEY (followee_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT follows_not_self CHECK (follower_id <> followee_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- "Who follows this user" (and the cascade from users) without scanning the table.
CREATE INDEX follows_followee_idx ON follows (followee_id);
