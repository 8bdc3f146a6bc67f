-- articles.favorites_count now moves by trigger, like the counters of article_counts (V4), on every path that
-- writes favorites, in the transaction that writes them; the same trigger names as the PostgreSQL migration
-- (see there). The stored counts are already exact, so nothing is recounted. A delete only subtracts a row
-- that was counted, so a negative count means it drifted and the CHECK fails loudly; favorites cascading
-- from a deleted article find no article left to update.
CREATE TRIGGER favorites_count_on_insert AFTER INSERT ON favorites BEGIN
    UPDATE articles SET favorites_count = favorites_count + 1 WHERE id = NEW.article_id;
END;
CREATE TRIGGER favorites_count_on_delete AFTER DELETE ON favorites BEGIN
    UPDATE articles SET favorites_count = favorites_count - 1 WHERE id = OLD.article_id;
END;
