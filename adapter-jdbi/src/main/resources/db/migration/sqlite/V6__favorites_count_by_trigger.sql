-- articles.favorites_count now moves by trigger, like the counters of article_counts (V4), on every path that
-- writes favorites, in the transaction that writes them; the same trigger names as the PostgreSQL migration
-- (see there for why the count is set to the number of favorites rather than moved by one). SQLite runs
-- an instance of an older build's own "+1" as a separate UPDATE after the insert, so a third trigger sets the
-- count back to the number of favorites whenever anything else writes a different one. Writes are serialized
-- on SQLite, so the count read here is never raced. Favorites cascading from a deleted article find no
-- article left to update.
CREATE TRIGGER favorites_count_on_insert AFTER INSERT ON favorites BEGIN
    UPDATE articles SET favorites_count = (SELECT count(*) FROM favorites WHERE article_id = NEW.article_id)
     WHERE id = NEW.article_id;
END;
CREATE TRIGGER favorites_count_on_delete AFTER DELETE ON favorites BEGIN
    UPDATE articles SET favorites_count = (SELECT count(*) FROM favorites WHERE article_id = OLD.article_id)
     WHERE id = OLD.article_id;
END;
CREATE TRIGGER favorites_count_kept_exact AFTER UPDATE OF favorites_count ON articles
    WHEN NEW.favorites_count <> (SELECT count(*) FROM favorites WHERE article_id = NEW.id) BEGIN
    UPDATE articles SET favorites_count = (SELECT count(*) FROM favorites WHERE article_id = NEW.id)
     WHERE id = NEW.id;
END;
