-- Articles with their tags, favorites and comments; the same shape, constraint and index names as the
-- PostgreSQL migration (see V1 for the character set, the collation and the lengths of key columns).
-- Bodies are MEDIUMTEXT: TEXT holds 65,535 bytes, less than the longest body the application accepts.
CREATE TABLE articles (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    slug            VARCHAR(768) NOT NULL,
    title           TEXT         NOT NULL,
    description     TEXT         NOT NULL,
    body            MEDIUMTEXT   NOT NULL,
    author_id       BIGINT       NOT NULL,
    favorites_count BIGINT       NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT articles_slug_key UNIQUE (slug),
    CONSTRAINT articles_author_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT articles_favorites_count_not_negative CHECK (favorites_count >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
-- Newest first, for the global list and for the feed (MariaDB 10.8 and later keep DESC in the index).
CREATE INDEX articles_created_idx ON articles (created_at DESC, id DESC);
CREATE INDEX articles_author_created_idx ON articles (author_id, created_at DESC, id DESC);

CREATE TABLE tags (
    id   BIGINT       NOT NULL AUTO_INCREMENT,
    name VARCHAR(768) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT tags_name_key UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

CREATE TABLE article_tags (
    article_id BIGINT NOT NULL,
    tag_id     BIGINT NOT NULL,
    PRIMARY KEY (article_id, tag_id),
    CONSTRAINT article_tags_article_fkey FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE,
    CONSTRAINT article_tags_tag_fkey FOREIGN KEY (tag_id) REFERENCES tags (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
-- The tag filter: from a tag to its articles.
CREATE INDEX article_tags_tag_idx ON article_tags (tag_id, article_id);

CREATE TABLE favorites (
    user_id    BIGINT      NOT NULL,
    article_id BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (user_id, article_id),
    CONSTRAINT favorites_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT favorites_article_fkey FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
-- The cascade from articles, and "who favorited this".
CREATE INDEX favorites_article_idx ON favorites (article_id);

CREATE TABLE comments (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    article_id BIGINT      NOT NULL,
    author_id  BIGINT      NOT NULL,
    body       MEDIUMTEXT  NOT NULL,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT comments_article_fkey FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE,
    CONSTRAINT comments_author_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
CREATE INDEX comments_article_idx ON comments (article_id, id);
CREATE INDEX comments_author_idx ON comments (author_id);
