package io.conduithex.bootstrap.config;

import static io.conduithex.bootstrap.config.Setting.AUDIT_RETENTION;
import static io.conduithex.bootstrap.config.Setting.IDEMPOTENCY_TTL;

import io.conduithex.application.idempotency.IdempotencySettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** How long idempotency keys and audit events are kept (README). */
public record RetentionConfig(IdempotencySettings idempotency, Duration auditRetention) {
    static final Duration MIN_TTL = Duration.ofMinutes(1);
    static final Duration MAX_TTL = Duration.ofDays(30);
    static final Duration MIN_AUDIT_RETENTION = Duration.ofDays(1);
    static final Duration MAX_AUDIT_RETENTION = Duration.ofDays(3650);

    public RetentionConfig {
        Objects.requireNonNull(idempotency, "idempotency");
        Objects.requireNonNull(auditRetention, "auditRetention");
    }

    static RetentionConfig read(ConfigReader read) {
        return new RetentionConfig(new IdempotencySettings(read.duration(IDEMPOTENCY_TTL, MIN_TTL, MAX_TTL)),
                read.duration(AUDIT_RETENTION, MIN_AUDIT_RETENTION, MAX_AUDIT_RETENTION));
    }

    void describe(Map<Setting, Object> into) {
        into.put(IDEMPOTENCY_TTL, ConfigReader.shown(idempotency.ttl()));
        into.put(AUDIT_RETENTION, ConfigReader.shown(auditRetention));
    }
}
