-- GET /api/articles?limit=20&tag=:tag, anonymous
-- The statements it sends, in order; BenchmarkSqlTest holds them to what the code sends. bench/run runs
-- this with pgbench -M prepared as the endpoint's SQL ceiling, and sets the variables.
BEGIN READ ONLY;
WITH page AS (SELECT ARRAY(SELECT at.article_id FROM article_tags at
                            WHERE at.tag_id = (SELECT id FROM tags WHERE name = :tag)
                            ORDER BY at.article_created_at DESC, at.article_id DESC
                            LIMIT :limit OFFSET :offset) AS ids)
SELECT c.total, a.id, a.slug, a.title, a.description, a.author_id, a.created_at, a.updated_at,
       a.favorites_count, u.username AS author_username, u.bio AS author_bio, u.image AS author_image,
       tg.names AS tag_names, FALSE AS favorited, FALSE AS following
  FROM (SELECT COALESCE(SUM(c.n), 0) AS total FROM tags t
          JOIN article_counts c ON c.scope = 'tag' AND c.subject_id = t.id
         WHERE t.name = :tag) c
  LEFT JOIN articles a ON a.id = ANY ((SELECT ids FROM page)::bigint[])
  LEFT JOIN users u ON u.id = a.author_id
  LEFT JOIN (SELECT at.article_id, string_agg(t.name, :tagSeparator) AS names
               FROM article_tags at JOIN tags t ON t.id = at.tag_id
              WHERE at.article_id = ANY ((SELECT ids FROM page)::bigint[]) GROUP BY at.article_id) tg
         ON tg.article_id = a.id
 ORDER BY a.created_at DESC, a.id DESC;
COMMIT;
