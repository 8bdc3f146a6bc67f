-- articles.favorites_count now moves by trigger, like the counters of article_counts (V4), on every path that
-- writes favorites, in the transaction that writes them; the same trigger names as the PostgreSQL migration
-- (see there for why the count is set to the number of favorites rather than moved by one). Writes are
-- serialized on SQLite, so the count read here is never raced. Favorites cascading from a deleted article find
-- no article left to update.
--
-- An instance of an older build moves the count itself with a separate "favorites_count +/- 1" UPDATE after
-- its insert or delete, which would now count the favorite twice (or, for the last favorite, fail the CHECK).
-- The BEFORE UPDATE trigger drops any write of favorites_count that is not the number of favorites: the
-- row's update is skipped (RAISE(IGNORE)), the statement goes on. The triggers below always write that number.
CREATE TRIGGER favorites_count_on_insert AFTER INSERT ON favorites BEGIN
    UPDATE articles SET favorites_count = (SELECT count(*) FROM favorites WHERE article_id = NEW.article_id)
     WHERE id = NEW.article_id;
END;
CREATE TRIGGER favorites_count_on_delete AFTER DELETE ON favorites BEGIN
    UPDATE articles SET favorites_count = (SELECT count(*) FROM favorites WHERE article_id = OLD.article_id)
     WHERE id = OLD.article_id;
END;
CREATE TRIGGER favorites_count_only_exact BEFORE UPDATE OF favorites_count ON articles
    WHEN NEW.favorites_count <> (SELECT count(*) FROM favorites WHERE article_id = NEW.id) BEGIN
    SELECT RAISE(IGNORE);
END;
