-- How many articles each list holds, so a list's articlesCount is one indexed read instead of a count of
-- every matching row. One row per (scope, subject):
--   'all'    subject 0..15: a shard of the total, summed on read. One row for everyone would serialize
--            every article insert on its lock; sharding by article id spreads concurrent inserts over 16.
--   'author' subject users.id:  articles written by that user (the feed sums these over the followees).
--   'tag'    subject tags.id:   articles carrying that tag.
--   'fan'    subject users.id:  articles that user favorited.
-- Triggers keep the rows in the same transaction as the rows they count, on every path that writes them:
-- the repositories, ON DELETE CASCADE from articles and users, the seed command's bulk inserts and any
-- hand-written SQL. They fire once per statement and apply the statement's changes aggregated, so a bulk
-- insert costs one upsert per counter it touches, and take the counter rows in key order, so two
-- statements moving the same counters wait for each other instead of deadlocking.
CREATE TABLE article_counts (
    scope      TEXT   NOT NULL,
    subject_id BIGINT NOT NULL,
    n          BIGINT NOT NULL,
    CONSTRAINT article_counts_pkey PRIMARY KEY (scope, subject_id),
    CONSTRAINT article_counts_not_negative CHECK (n >= 0)
);

-- No article, tag link or favorite may be written between counting the existing rows and the triggers
-- taking over, or it would be counted twice or never.
LOCK TABLE articles, article_tags, favorites IN SHARE MODE;

INSERT INTO article_counts (scope, subject_id, n)
SELECT 'all', id % 16, count(*) FROM articles GROUP BY id % 16
UNION ALL
SELECT 'author', author_id, count(*) FROM articles GROUP BY author_id
UNION ALL
SELECT 'tag', tag_id, count(*) FROM article_tags GROUP BY tag_id
UNION ALL
SELECT 'fan', user_id, count(*) FROM favorites GROUP BY user_id;

-- Moves the counters named by (scopes[i], subjects[i]) by one per entry: up for an INSERT, down for a
-- DELETE. A delete only subtracts rows that were counted, so a negative total means a counter drifted and
-- the CHECK fails loudly. (It is an UPDATE, not the upsert with a negative amount: PostgreSQL checks the
-- row an upsert proposes before it finds the conflict.) Both take the counter rows in key order.
-- No UPDATE trigger is needed: nothing changes articles.author_id, and tag links and favorites change by
-- DELETE and INSERT of their rows.
CREATE FUNCTION article_counts_move(operation TEXT, scopes TEXT[], subjects BIGINT[]) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    IF operation = 'INSERT' THEN
        INSERT INTO article_counts (scope, subject_id, n)
        SELECT scope, subject_id, count(*)
          FROM unnest(scopes, subjects) AS moved (scope, subject_id)
         GROUP BY scope, subject_id
         ORDER BY scope, subject_id
        ON CONFLICT (scope, subject_id) DO UPDATE SET n = article_counts.n + EXCLUDED.n;
    ELSE
        PERFORM 1 FROM article_counts
          WHERE (scope, subject_id) IN (SELECT * FROM unnest(scopes, subjects))
          ORDER BY scope, subject_id
          FOR UPDATE;
        UPDATE article_counts c SET n = c.n - moved.n
          FROM (SELECT scope, subject_id, count(*) AS n
                  FROM unnest(scopes, subjects) AS m (scope, subject_id)
                 GROUP BY scope, subject_id) AS moved
         WHERE c.scope = moved.scope AND c.subject_id = moved.subject_id;
    END IF;
END $$;

CREATE FUNCTION article_counts_on_articles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    scopes   TEXT[];
    subjects BIGINT[];
BEGIN
    SELECT array_agg(scope), array_agg(subject_id) INTO scopes, subjects
      FROM (SELECT 'all'::TEXT AS scope, id % 16 AS subject_id FROM changed
            UNION ALL
            SELECT 'author', author_id FROM changed) AS moved;
    PERFORM article_counts_move(TG_OP, scopes, subjects);
    RETURN NULL;
END $$;

CREATE FUNCTION article_counts_on_article_tags() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    scopes   TEXT[];
    subjects BIGINT[];
BEGIN
    SELECT array_agg('tag'::TEXT), array_agg(tag_id) INTO scopes, subjects FROM changed;
    PERFORM article_counts_move(TG_OP, scopes, subjects);
    RETURN NULL;
END $$;

CREATE FUNCTION article_counts_on_favorites() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    scopes   TEXT[];
    subjects BIGINT[];
BEGIN
    SELECT array_agg('fan'::TEXT), array_agg(user_id) INTO scopes, subjects FROM changed;
    PERFORM article_counts_move(TG_OP, scopes, subjects);
    RETURN NULL;
END $$;

CREATE TRIGGER articles_counted_on_insert AFTER INSERT ON articles
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION article_counts_on_articles();
CREATE TRIGGER articles_counted_on_delete AFTER DELETE ON articles
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION article_counts_on_articles();
CREATE TRIGGER article_tags_counted_on_insert AFTER INSERT ON article_tags
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION article_counts_on_article_tags();
CREATE TRIGGER article_tags_counted_on_delete AFTER DELETE ON article_tags
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION article_counts_on_article_tags();
CREATE TRIGGER favorites_counted_on_insert AFTER INSERT ON favorites
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION article_counts_on_favorites();
CREATE TRIGGER favorites_counted_on_delete AFTER DELETE ON favorites
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION article_counts_on_favorites();
