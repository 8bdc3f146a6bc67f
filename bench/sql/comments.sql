-- GET /api/articles/:slug/comments, anonymous
-- The statements it sends, in order; BenchmarkSqlTest holds them to what the code sends. bench/run runs
-- this with pgbench -M prepared as the endpoint's SQL ceiling, and sets the variables.
BEGIN READ ONLY;
SELECT id FROM articles WHERE slug = :slug;
SELECT c.id, c.article_id, c.author_id, c.body, c.created_at, c.updated_at,
       u.username AS author_username, u.bio AS author_bio, u.image AS author_image, FALSE AS following
  FROM comments c JOIN articles a ON a.id = c.article_id JOIN users u ON u.id = c.author_id
 WHERE a.slug = :slug
 ORDER BY c.id;
COMMIT;
