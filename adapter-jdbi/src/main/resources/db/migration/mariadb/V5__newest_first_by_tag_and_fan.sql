-- Lists filtered by one tag or by one favoriting user are the newest articles among that tag's (or that
-- user's) rows; each link row carries its article's created_at (which never changes), so a page is the first
-- entries of one index range. The same columns, trigger and index names as the PostgreSQL migration.
ALTER TABLE article_tags ADD COLUMN article_created_at DATETIME(6);
ALTER TABLE favorites ADD COLUMN article_created_at DATETIME(6);

UPDATE article_tags l JOIN articles a ON a.id = l.article_id SET l.article_created_at = a.created_at;
UPDATE favorites f JOIN articles a ON a.id = f.article_id SET f.article_created_at = a.created_at;

-- Filled on every path that links an article. The column stays nullable: when the article is gone, the foreign
-- key refuses the row (reported as "article not found"), not a NOT NULL check.
DELIMITER $$

CREATE TRIGGER article_tags_copy_created_at BEFORE INSERT ON article_tags FOR EACH ROW
BEGIN
    SET NEW.article_created_at = (SELECT a.created_at FROM articles a WHERE a.id = NEW.article_id);
END$$

CREATE TRIGGER favorites_copy_created_at BEFORE INSERT ON favorites FOR EACH ROW
BEGIN
    SET NEW.article_created_at = (SELECT a.created_at FROM articles a WHERE a.id = NEW.article_id);
END$$

DELIMITER ;

CREATE INDEX article_tags_tag_newest_idx ON article_tags (tag_id, article_created_at DESC, article_id DESC);
CREATE INDEX favorites_user_newest_idx ON favorites (user_id, article_created_at DESC, article_id DESC);
