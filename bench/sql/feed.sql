-- GET /api/articles/feed?limit=20
-- The statements it sends, in order; BenchmarkSqlTest holds them to what the code sends. bench/run runs
-- this with pgbench -M prepared as the endpoint's SQL ceiling, and sets the variables.
BEGIN READ ONLY;
WITH page AS (SELECT ARRAY(
         WITH newest AS MATERIALIZED (
                  SELECT f.followee_id,
                         (SELECT a.created_at FROM articles a WHERE a.author_id = f.followee_id
                           ORDER BY a.created_at DESC, a.id DESC LIMIT 1) AS created_at
                    FROM follows f WHERE f.follower_id = :viewer),
              cutoff AS (
                  SELECT CASE WHEN count(*) < :window THEN '-infinity' ELSE min(top.created_at) END AS t
                    FROM (SELECT n.created_at FROM newest n WHERE n.created_at IS NOT NULL
                           ORDER BY n.created_at DESC LIMIT :window) top)
         SELECT x.id FROM newest n
          CROSS JOIN LATERAL (SELECT a.id, a.created_at FROM articles a
                               WHERE a.author_id = n.followee_id AND a.created_at >= (SELECT t FROM cutoff)
                               ORDER BY a.created_at DESC, a.id DESC LIMIT :window) x
          WHERE n.created_at >= (SELECT t FROM cutoff)
          ORDER BY x.created_at DESC, x.id DESC
          LIMIT :limit OFFSET :offset) AS ids)
SELECT c.total, a.id, a.slug, a.title, a.description, a.author_id, a.created_at, a.updated_at,
       a.favorites_count, u.username AS author_username, u.bio AS author_bio, u.image AS author_image,
       tg.names AS tag_names,
       EXISTS (SELECT 1 FROM favorites fv WHERE fv.user_id = :viewer AND fv.article_id = a.id) AS favorited,
       EXISTS (SELECT 1 FROM follows fo WHERE fo.follower_id = :viewer AND fo.followee_id = a.author_id) AS following,
       EXISTS (SELECT 1 FROM users vu WHERE vu.id = :viewer) AS viewer_known
  FROM (SELECT COALESCE(SUM((SELECT c.n FROM article_counts c
                              WHERE c.scope = 'author' AND c.subject_id = f.followee_id)), 0) AS total
          FROM follows f
         WHERE f.follower_id = :viewer) c
  LEFT JOIN articles a ON a.id = ANY ((SELECT ids FROM page)::bigint[])
  LEFT JOIN users u ON u.id = a.author_id
  LEFT JOIN (SELECT at.article_id, string_agg(t.name, :tagSeparator) AS names
               FROM article_tags at JOIN tags t ON t.id = at.tag_id
              WHERE at.article_id = ANY ((SELECT ids FROM page)::bigint[]) GROUP BY at.article_id) tg
         ON tg.article_id = a.id
 ORDER BY a.created_at DESC, a.id DESC;
COMMIT;
