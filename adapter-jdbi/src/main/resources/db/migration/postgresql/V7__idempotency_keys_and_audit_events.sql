-- Idempotency keys: a write sent with an Idempotency-Key header claims its key in a short transaction of its
-- own (state 'running', claim_token its fencing token, leased_until how long the claim holds), then stores its
-- response in the same transaction as its effects (state 'done'), so the two commit together or not at all.
-- A retry of the same request reads the stored response instead of running again. scope is the caller the
-- key belongs to ('user:<id>', or 'registration' for the one anonymous write); fingerprint is a SHA-256 of
-- the method, the path and the body. Rows past expires_at are deleted in small batches.
CREATE TABLE idempotency_keys (
    scope           TEXT        NOT NULL,
    idempotency_key TEXT        NOT NULL,
    fingerprint     TEXT        NOT NULL,
    claim_token     TEXT        NOT NULL,
    state           TEXT        NOT NULL,
    leased_until    TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    response_status INTEGER,
    response_type   TEXT,
    response_body   BYTEA,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (scope, idempotency_key),
    CONSTRAINT idempotency_keys_state CHECK (state IN ('running', 'done')),
    CONSTRAINT idempotency_keys_response CHECK ((state = 'done') = (response_status IS NOT NULL))
);
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at);

-- The audit trail: one row per data modification a use case made, appended in the same transaction as the
-- modification, so a rolled-back unit of work leaves none and a retried one exactly one. It names the fields
-- that changed, never their values. No foreign keys: an event outlives what it describes.
CREATE TABLE audit_events (
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    occurred_at    TIMESTAMPTZ NOT NULL,
    actor_id       BIGINT,
    action         TEXT        NOT NULL,
    entity_type    TEXT        NOT NULL,
    entity_id      TEXT        NOT NULL,
    request_id     TEXT,
    changed_fields TEXT        NOT NULL,
    CONSTRAINT audit_events_pkey PRIMARY KEY (id)
);
-- Newest first, overall, by actor and by entity: each filter's page is the head of one index range.
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, occurred_at DESC, id DESC);
