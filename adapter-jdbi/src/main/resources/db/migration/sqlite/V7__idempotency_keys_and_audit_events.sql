-- Idempotency keys and the audit trail; the same shape, constraint and index names as the PostgreSQL
-- migration, which says what each column is for. Timestamps are epoch milliseconds (INTEGER).
CREATE TABLE idempotency_keys (
    scope           TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    fingerprint     TEXT    NOT NULL,
    claim_token     TEXT    NOT NULL,
    state           TEXT    NOT NULL,
    leased_until    INTEGER NOT NULL,
    expires_at      INTEGER NOT NULL,
    response_status INTEGER,
    response_type   TEXT,
    response_body   BLOB,
    CONSTRAINT idempotency_keys_pkey PRIMARY KEY (scope, idempotency_key),
    CONSTRAINT idempotency_keys_state CHECK (state IN ('running', 'done')),
    CONSTRAINT idempotency_keys_response CHECK ((state = 'done') = (response_status IS NOT NULL))
);
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at);

CREATE TABLE audit_events (
    id             INTEGER NOT NULL,
    occurred_at    INTEGER NOT NULL,
    actor_id       INTEGER,
    action         TEXT    NOT NULL,
    entity_type    TEXT    NOT NULL,
    entity_id      TEXT    NOT NULL,
    request_id     TEXT,
    changed_fields TEXT    NOT NULL,
    CONSTRAINT audit_events_pkey PRIMARY KEY (id)
);
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, occurred_at DESC, id DESC);
