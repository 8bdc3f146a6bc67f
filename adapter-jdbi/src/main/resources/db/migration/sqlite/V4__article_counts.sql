-- How many articles each list holds; the same table as the PostgreSQL migration (see there for the scopes),
-- kept by row-level triggers in the transaction that writes the counted rows. SQLite has one writer at a
-- time, so the total needs no sharding: it is the single 'all' row with subject 0.
CREATE TABLE article_counts (
    scope      TEXT    NOT NULL,
    subject_id INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    CONSTRAINT article_counts_pkey PRIMARY KEY (scope, subject_id),
    CONSTRAINT article_counts_not_negative CHECK (n >= 0)
);

INSERT INTO article_counts (scope, subject_id, n)
SELECT 'all', 0, count(*) FROM articles
UNION ALL
SELECT 'author', author_id, count(*) FROM articles GROUP BY author_id
UNION ALL
SELECT 'tag', tag_id, count(*) FROM article_tags GROUP BY tag_id
UNION ALL
SELECT 'fan', user_id, count(*) FROM favorites GROUP BY user_id;

-- An insert upserts its counters; a delete only subtracts rows that were counted, so it updates the row
-- that exists (the upsert would be refused: the CHECK applies to the row it proposes), and a negative
-- total means a counter drifted: the CHECK fails loudly. ON DELETE CASCADE fires these triggers too.
CREATE TRIGGER articles_counted_on_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_counts (scope, subject_id, n) VALUES ('all', 0, 1), ('author', NEW.author_id, 1)
    ON CONFLICT (scope, subject_id) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER articles_counted_on_delete AFTER DELETE ON articles BEGIN
    UPDATE article_counts SET n = n - 1
     WHERE (scope = 'all' AND subject_id = 0) OR (scope = 'author' AND subject_id = OLD.author_id);
END;
CREATE TRIGGER article_tags_counted_on_insert AFTER INSERT ON article_tags BEGIN
    INSERT INTO article_counts (scope, subject_id, n) VALUES ('tag', NEW.tag_id, 1)
    ON CONFLICT (scope, subject_id) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER article_tags_counted_on_delete AFTER DELETE ON article_tags BEGIN
    UPDATE article_counts SET n = n - 1 WHERE scope = 'tag' AND subject_id = OLD.tag_id;
END;
CREATE TRIGGER favorites_counted_on_insert AFTER INSERT ON favorites BEGIN
    INSERT INTO article_counts (scope, subject_id, n) VALUES ('fan', NEW.user_id, 1)
    ON CONFLICT (scope, subject_id) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER favorites_counted_on_delete AFTER DELETE ON favorites BEGIN
    UPDATE article_counts SET n = n - 1 WHERE scope = 'fan' AND subject_id = OLD.user_id;
END;
