-- articles.favorites_count now moves by trigger, like the counters of article_counts (V4), on every path that
-- writes favorites, in the statement that writes them; the same trigger names as the PostgreSQL migration where
-- MariaDB has a counterpart.
--
-- The count is always the number of the article's favorites: any statement that changes favorites_count (the
-- triggers below, or an instance of an older build still moving it by one during a rolling deployment) has the
-- value it writes replaced by that number in favorites_count_only_exact. The count is a locking read, so it
-- sees every favorite committed before it, whatever the transaction's snapshot.
--
-- A favorite's insert locks its article first, before the foreign key check takes its shared lock on the same
-- row: two transactions favoriting one article then wait for each other instead of deadlocking over upgrading
-- their shared locks, and the second counts the first's favorite. A favorite's delete locks the favorite, then
-- the article; if a concurrent favorite of the same article holds the article and counts that very row, InnoDB
-- ends one of them as a deadlock, which the application retries. Favorites that go with a deleted article go
-- by ON DELETE CASCADE without triggers; there is no article left to count them for.
--
-- MariaDB refuses a trigger that updates a table the firing statement reads, so a statement that writes favorites
-- may not read articles (INSERT INTO favorites ... SELECT ... FROM articles fails with error 1442). The
-- application and the seed command never do; hand-written SQL must select the ids first.
DELIMITER $$

CREATE TRIGGER favorites_count_lock_article BEFORE INSERT ON favorites FOR EACH ROW
    PRECEDES favorites_copy_created_at
BEGIN
    DECLARE locked BIGINT;
    -- No article: nothing to lock, and the foreign key refuses the row right after.
    DECLARE CONTINUE HANDLER FOR NOT FOUND SET locked = NULL;
    SELECT a.id INTO locked FROM articles a WHERE a.id = NEW.article_id FOR UPDATE;
END$$

CREATE TRIGGER favorites_count_on_insert AFTER INSERT ON favorites FOR EACH ROW
BEGIN
    UPDATE articles SET favorites_count = favorites_count + 1 WHERE id = NEW.article_id;
END$$

CREATE TRIGGER favorites_count_on_delete AFTER DELETE ON favorites FOR EACH ROW
BEGIN
    UPDATE articles SET favorites_count = favorites_count - 1 WHERE id = OLD.article_id;
END$$

CREATE TRIGGER favorites_count_only_exact BEFORE UPDATE ON articles FOR EACH ROW
BEGIN
    DECLARE exact BIGINT;
    IF NOT (NEW.favorites_count <=> OLD.favorites_count) THEN
        SELECT COUNT(*) INTO exact FROM favorites f WHERE f.article_id = NEW.id LOCK IN SHARE MODE;
        SET NEW.favorites_count = exact;
    END IF;
END$$

DELIMITER ;
