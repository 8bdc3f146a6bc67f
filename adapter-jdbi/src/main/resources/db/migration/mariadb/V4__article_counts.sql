-- How many articles each list holds; the same table as the PostgreSQL migration (see there for the scopes). The
-- total is sharded by article id over 16 rows, as on PostgreSQL, so concurrent inserts do not all wait on one row.
-- MariaDB triggers fire once per row, so each counted row moves its counters by one, in the statement and the
-- transaction that writes it, on every path: the repositories, the seed command's bulk inserts, hand-written SQL.
--
-- MariaDB fires no trigger for the rows a foreign key's ON DELETE CASCADE removes. The cascades that remove
-- counted rows are therefore counted before they happen: a deleted article takes its tag links and favorites
-- off their counters itself, and a deleted user deletes its favorites and articles with statements of its own,
-- whose triggers then run. Counters of a scope are taken in key order within each statement.
CREATE TABLE article_counts (
    scope      VARCHAR(16) NOT NULL,
    subject_id BIGINT      NOT NULL,
    n          BIGINT      NOT NULL,
    PRIMARY KEY (scope, subject_id),
    CONSTRAINT article_counts_not_negative CHECK (n >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

INSERT INTO article_counts (scope, subject_id, n)
SELECT 'all', id % 16, count(*) FROM articles GROUP BY id % 16
UNION ALL
SELECT 'author', author_id, count(*) FROM articles GROUP BY author_id
UNION ALL
SELECT 'tag', tag_id, count(*) FROM article_tags GROUP BY tag_id
UNION ALL
SELECT 'fan', user_id, count(*) FROM favorites GROUP BY user_id;

-- An insert upserts its counters. A delete only subtracts rows that were counted, so it updates the row that
-- exists, and a negative total means a counter drifted: the CHECK fails loudly.
DELIMITER $$

CREATE TRIGGER articles_counted_on_insert AFTER INSERT ON articles FOR EACH ROW
BEGIN
    INSERT INTO article_counts (scope, subject_id, n) VALUES ('all', NEW.id % 16, 1), ('author', NEW.author_id, 1)
        ON DUPLICATE KEY UPDATE n = n + 1;
END$$

CREATE TRIGGER articles_counted_on_delete AFTER DELETE ON articles FOR EACH ROW
BEGIN
    UPDATE article_counts SET n = n - 1
     WHERE (scope = 'all' AND subject_id = OLD.id % 16) OR (scope = 'author' AND subject_id = OLD.author_id);
END$$

-- The tag links and favorites of a deleted article go by ON DELETE CASCADE, without their triggers: they are
-- taken off their counters here, while they still exist. A failed delete rolls this back with its statement.
CREATE TRIGGER articles_uncount_cascaded_rows BEFORE DELETE ON articles FOR EACH ROW
BEGIN
    UPDATE article_counts c JOIN favorites f ON c.scope = 'fan' AND c.subject_id = f.user_id
       SET c.n = c.n - 1
     WHERE f.article_id = OLD.id;
    UPDATE article_counts c JOIN article_tags l ON c.scope = 'tag' AND c.subject_id = l.tag_id
       SET c.n = c.n - 1
     WHERE l.article_id = OLD.id;
END$$

-- A deleted user's favorites and articles, and a deleted tag's links, are deleted by these statements rather
-- than by the cascade, so that the triggers of those rows (and V6's) see them.
CREATE TRIGGER users_delete_counted_rows BEFORE DELETE ON users FOR EACH ROW
BEGIN
    DELETE FROM favorites WHERE user_id = OLD.id;
    DELETE FROM articles WHERE author_id = OLD.id;
END$$

CREATE TRIGGER tags_delete_counted_rows BEFORE DELETE ON tags FOR EACH ROW
BEGIN
    DELETE FROM article_tags WHERE tag_id = OLD.id;
END$$

CREATE TRIGGER article_tags_counted_on_insert AFTER INSERT ON article_tags FOR EACH ROW
BEGIN
    INSERT INTO article_counts (scope, subject_id, n) VALUES ('tag', NEW.tag_id, 1)
        ON DUPLICATE KEY UPDATE n = n + 1;
END$$

CREATE TRIGGER article_tags_counted_on_delete AFTER DELETE ON article_tags FOR EACH ROW
BEGIN
    UPDATE article_counts SET n = n - 1 WHERE scope = 'tag' AND subject_id = OLD.tag_id;
END$$

CREATE TRIGGER favorites_counted_on_insert AFTER INSERT ON favorites FOR EACH ROW
BEGIN
    INSERT INTO article_counts (scope, subject_id, n) VALUES ('fan', NEW.user_id, 1)
        ON DUPLICATE KEY UPDATE n = n + 1;
END$$

CREATE TRIGGER favorites_counted_on_delete AFTER DELETE ON favorites FOR EACH ROW
BEGIN
    UPDATE article_counts SET n = n - 1 WHERE scope = 'fan' AND subject_id = OLD.user_id;
END$$

DELIMITER ;
