-- Runs of the seed command and how far each got; the same shape as the PostgreSQL migration. The progress
-- columns advance in the same transaction as the rows they count.
CREATE TABLE seed_runs (
    run_id         VARCHAR(768) NOT NULL,
    users          BIGINT       NOT NULL,
    articles       BIGINT       NOT NULL,
    comments       BIGINT       NOT NULL,
    users_done     BIGINT       NOT NULL DEFAULT 0,
    followers_done BIGINT       NOT NULL DEFAULT 0,
    articles_done  BIGINT       NOT NULL DEFAULT 0,
    started_at     DATETIME(6)  NOT NULL,
    finished_at    DATETIME(6),
    PRIMARY KEY (run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
