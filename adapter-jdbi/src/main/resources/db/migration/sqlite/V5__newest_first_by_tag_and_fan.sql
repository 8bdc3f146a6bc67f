-- Lists filtered by one tag or by one favoriting user are the newest articles among that tag's (or that
-- user's) rows; each link row now carries its article's created_at (which never changes), so a page is the
-- first entries of one index range. The same columns and index names as the PostgreSQL migration.
ALTER TABLE article_tags ADD COLUMN article_created_at INTEGER;
ALTER TABLE favorites ADD COLUMN article_created_at INTEGER;

UPDATE article_tags SET article_created_at = (SELECT a.created_at FROM articles a WHERE a.id = article_tags.article_id);
UPDATE favorites SET article_created_at = (SELECT a.created_at FROM articles a WHERE a.id = favorites.article_id);

-- SQLite cannot change the row a BEFORE trigger inserts, so the copy is written just after, in the same
-- statement: no reader sees the row without it.
CREATE TRIGGER article_tags_copy_created_at AFTER INSERT ON article_tags BEGIN
    UPDATE article_tags SET article_created_at = (SELECT a.created_at FROM articles a WHERE a.id = NEW.article_id)
     WHERE article_id = NEW.article_id AND tag_id = NEW.tag_id;
END;
CREATE TRIGGER favorites_copy_created_at AFTER INSERT ON favorites BEGIN
    UPDATE favorites SET article_created_at = (SELECT a.created_at FROM articles a WHERE a.id = NEW.article_id)
     WHERE user_id = NEW.user_id AND article_id = NEW.article_id;
END;

CREATE INDEX article_tags_tag_newest_idx ON article_tags (tag_id, article_created_at DESC, article_id DESC);
CREATE INDEX favorites_user_newest_idx ON favorites (user_id, article_created_at DESC, article_id DESC);
