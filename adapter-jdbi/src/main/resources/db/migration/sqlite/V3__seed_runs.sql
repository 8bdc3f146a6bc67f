-- Runs of the seed command and how far each got; the same shape as the PostgreSQL migration, timestamps as
-- epoch milliseconds. The progress columns advance in the same transaction as the rows they count.
CREATE TABLE seed_runs (
    run_id         TEXT    NOT NULL,
    users          INTEGER NOT NULL,
    articles       INTEGER NOT NULL,
    comments       INTEGER NOT NULL,
    users_done     INTEGER NOT NULL DEFAULT 0,
    followers_done INTEGER NOT NULL DEFAULT 0,
    articles_done  INTEGER NOT NULL DEFAULT 0,
    started_at     INTEGER NOT NULL,
    finished_at    INTEGER,
    CONSTRAINT seed_runs_pkey PRIMARY KEY (run_id)
);
