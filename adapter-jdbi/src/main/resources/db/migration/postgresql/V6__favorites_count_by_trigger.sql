-- articles.favorites_count now moves by trigger, like the counters of article_counts (V4), on every path that
-- writes favorites: the repository, ON DELETE CASCADE from users, the seed command's bulk inserts and any
-- hand-written SQL, in the statement that writes them. Until this migration the repository moved it in Java
-- and the seed command wrote it precomputed; both now leave it to this trigger.
--
-- The trigger sets each touched article's count to the number of its favorites rather than adding a delta, so
-- that an instance of an older build, still serving during a rolling deployment and still moving the count
-- itself in the same statement, cannot make it drift: whatever that statement added, the count ends exact.
-- The count reads favorites_article_idx, one index range per touched article.
--
-- It fires once per statement. The touched article rows are locked in id order first, so two statements
-- favoriting the same articles wait for each other instead of deadlocking, and the count that follows (a new
-- statement, so a new snapshot under READ COMMITTED) sees every favorite committed before the lock was
-- granted. FOR NO KEY UPDATE, the lock an UPDATE of a non-key column takes, does not conflict with the
-- FOR KEY SHARE lock the favorites' foreign key check holds on the article. Favorites cascading from a
-- deleted article find no article left to update. PostgreSQL fires a table's triggers of one event in name
-- order: favorites_count_on_* (this migration) runs before V4's favorites_counted_on_*, so every favorite
-- write locks its articles before their article_counts rows, in one order for all writers.
CREATE FUNCTION favorites_count_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM articles WHERE id IN (SELECT article_id FROM changed) ORDER BY id FOR NO KEY UPDATE;
    UPDATE articles a
       SET favorites_count = (SELECT count(*) FROM favorites f WHERE f.article_id = a.id)
     WHERE a.id IN (SELECT article_id FROM changed);
    RETURN NULL;
END $$;

CREATE TRIGGER favorites_count_on_insert AFTER INSERT ON favorites
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION favorites_count_recount();
CREATE TRIGGER favorites_count_on_delete AFTER DELETE ON favorites
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION favorites_count_recount();
