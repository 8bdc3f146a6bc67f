-- Idempotency keys and the audit trail; the same shape, constraint and index names as the PostgreSQL
-- migration, which says what each column is for (see V1 for the character set, the collation and the lengths
-- of key columns). Keys are printable ASCII of at most 255 characters; the binary collation keeps them exact.
CREATE TABLE idempotency_keys (
    scope           VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    claim_token     VARCHAR(64)  NOT NULL,
    state           VARCHAR(8)   NOT NULL,
    leased_until    DATETIME(6)  NOT NULL,
    expires_at      DATETIME(6)  NOT NULL,
    response_status INT,
    response_type   VARCHAR(255),
    response_body   MEDIUMBLOB,
    PRIMARY KEY (scope, idempotency_key),
    CONSTRAINT idempotency_keys_state CHECK (state IN ('running', 'done')),
    CONSTRAINT idempotency_keys_response CHECK ((state = 'done') = (response_status IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
CREATE INDEX idempotency_keys_expiry_idx ON idempotency_keys (expires_at);

CREATE TABLE audit_events (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    occurred_at    DATETIME(6)  NOT NULL,
    actor_id       BIGINT,
    action         VARCHAR(64)  NOT NULL,
    entity_type    VARCHAR(32)  NOT NULL,
    entity_id      VARCHAR(64)  NOT NULL,
    request_id     VARCHAR(128),
    changed_fields VARCHAR(1024) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
CREATE INDEX audit_events_time_idx ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, occurred_at DESC, id DESC);
