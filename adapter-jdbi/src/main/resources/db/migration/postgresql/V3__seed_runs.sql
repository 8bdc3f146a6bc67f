-- Runs of the seed command and how far each got. The progress columns advance in the same transaction as
-- the rows they count, so an interrupted run resumes exactly where it stopped and never writes a row twice.
CREATE TABLE seed_runs (
    run_id         TEXT        NOT NULL,
    users          BIGINT      NOT NULL,
    articles       BIGINT      NOT NULL,
    comments       BIGINT      NOT NULL,
    users_done     BIGINT      NOT NULL DEFAULT 0,
    followers_done BIGINT      NOT NULL DEFAULT 0,
    articles_done  BIGINT      NOT NULL DEFAULT 0,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ,
    CONSTRAINT seed_runs_pkey PRIMARY KEY (run_id)
);
