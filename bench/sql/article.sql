-- GET /api/articles/:slug, anonymous
-- The statements it sends, in order; BenchmarkSqlTest holds them to what the code sends. bench/run runs
-- this with pgbench -M prepared as the endpoint's SQL ceiling, and sets the variables.
BEGIN READ ONLY;
SELECT a.id, a.slug, a.title, a.description, a.author_id, a.created_at, a.updated_at,
       a.favorites_count, u.username AS author_username, u.bio AS author_bio, u.image AS author_image,
       (SELECT string_agg(t.name, :tagSeparator) FROM tags t
         WHERE t.id = ANY (ARRAY(SELECT at.tag_id FROM article_tags at WHERE at.article_id = a.id))) AS tag_names,
       FALSE AS favorited, FALSE AS following, a.body
  FROM articles a JOIN users u ON u.id = a.author_id
 WHERE a.slug = :slug;
COMMIT;
