-- POST /api/articles/:slug/comments, as :writer
-- The statements it sends, in order; BenchmarkSqlTest holds them to what the code sends. bench/run runs
-- this with pgbench -M prepared as the endpoint's SQL ceiling, and sets the variables.
BEGIN;
SELECT id, email, username, password_hash, bio, image FROM users WHERE id = :writer;
SELECT id FROM articles WHERE slug = :slug \gset
INSERT INTO comments (article_id, author_id, body, created_at, updated_at)
VALUES (:id, :writer, :body, :now, :now) RETURNING id;
-- The audit event names the new comment; the article's id stands in for it here, at the same cost.
INSERT INTO audit_events (occurred_at, actor_id, action, entity_type, entity_id, request_id, changed_fields)
VALUES (:now, :writer, :commentAdded, :commentEntity, :id, :requestId, :commentFields);
SELECT pg_current_xact_id_if_assigned()::text;
COMMIT;
