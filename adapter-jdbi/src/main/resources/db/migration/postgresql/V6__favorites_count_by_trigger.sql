-- articles.favorites_count now moves by trigger, like the counters of article_counts (V4), on every path that
-- writes favorites: the repository, ON DELETE CASCADE from users, the seed command's bulk inserts and any
-- hand-written SQL, in the statement that writes them. Until V5 the repository moved it in Java and the seed
-- command wrote it precomputed; both now leave it to this trigger. The stored counts are already exact (they
-- were kept in the same transaction as the favorites), so nothing is recounted.
-- An instance of a build older than V6 would still move the count itself as well: upgrade every instance
-- before favorites are written against this schema.
--
-- It fires once per statement and moves each article by the statement's rows for it. The article rows are
-- locked in id order first, so two statements favoriting the same articles wait for each other instead of
-- deadlocking. FOR NO KEY UPDATE, the lock an UPDATE of a non-key column takes, does not conflict with the
-- FOR KEY SHARE lock the favorites' foreign key check holds on the article. A delete only subtracts rows that
-- were counted, so a negative count means it drifted and the CHECK fails loudly. Favorites cascading from a
-- deleted article find no article left to update.
CREATE FUNCTION favorites_count_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta BIGINT := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
BEGIN
    PERFORM 1 FROM articles WHERE id IN (SELECT article_id FROM changed) ORDER BY id FOR NO KEY UPDATE;
    UPDATE articles a SET favorites_count = a.favorites_count + delta * moved.n
      FROM (SELECT article_id, count(*) AS n FROM changed GROUP BY article_id) AS moved
     WHERE a.id = moved.article_id;
    RETURN NULL;
END $$;

CREATE TRIGGER favorites_count_on_insert AFTER INSERT ON favorites
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION favorites_count_move();
CREATE TRIGGER favorites_count_on_delete AFTER DELETE ON favorites
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION favorites_count_move();
