-- DELETE /api/articles/:slug/favorite, as :writer
-- The statements it sends, in order; BenchmarkSqlTest holds them to what the code sends. bench/run runs
-- this with pgbench -M prepared as the endpoint's SQL ceiling, and sets the variables.
BEGIN;
SELECT id, email, username, password_hash, bio, image FROM users WHERE id = :writer;
SELECT id FROM articles WHERE slug = :slug \gset
DELETE FROM favorites WHERE user_id = :writer AND article_id = :id;
-- Each run of the scenario changes the favorite, so each leaves its audit event.
INSERT INTO audit_events (occurred_at, actor_id, action, entity_type, entity_id, request_id, changed_fields)
VALUES (:now, :writer, :articleUnfavorited, :articleEntity, :id, :requestId, :noFields);
SELECT a.id, a.slug, a.title, a.description, a.author_id, a.created_at, a.updated_at,
       a.favorites_count, u.username AS author_username, u.bio AS author_bio, u.image AS author_image,
       (SELECT string_agg(t.name, :tagSeparator) FROM tags t
         WHERE t.id = ANY (ARRAY(SELECT at.tag_id FROM article_tags at WHERE at.article_id = a.id))) AS tag_names,
       EXISTS (SELECT 1 FROM favorites fv WHERE fv.user_id = :writer AND fv.article_id = a.id) AS favorited,
       EXISTS (SELECT 1 FROM follows fo WHERE fo.follower_id = :writer AND fo.followee_id = a.author_id) AS following,
       a.body
  FROM articles a JOIN users u ON u.id = a.author_id
 WHERE a.slug = :slug;
SELECT pg_current_xact_id_if_assigned()::text;
COMMIT;
