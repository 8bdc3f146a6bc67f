package io.conduithex.bootstrap.config;

import static io.conduithex.bootstrap.config.Setting.AUDIT_RETENTION;
import static io.conduithex.bootstrap.config.Setting.IDEMPOTENCY_LEASE_MS;
import static io.conduithex.bootstrap.config.Setting.IDEMPOTENCY_TTL;

import io.conduithex.application.idempotency.IdempotencySettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** How long idempotency keys and audit events are kept, and how long a key's claim holds (README). */
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
        Duration ttl = read.duration(IDEMPOTENCY_TTL, MIN_TTL, MAX_TTL);
        Duration lease = read.millis(IDEMPOTENCY_LEASE_MS);
        if (ttl.compareTo(lease) <= 0) {
            throw new ConfigurationException(IDEMPOTENCY_TTL + " (" + ttl + ") must be longer than "
                    + IDEMPOTENCY_LEASE_MS + " (" + lease.toMillis() + " ms)");
        }
        return new RetentionConfig(new IdempotencySettings(ttl, lease),
                read.duration(AUDIT_RETENTION, MIN_AUDIT_RETENTION, MAX_AUDIT_RETENTION));
    }

    void describe(Map<Setting, Object> into) {
        into.put(IDEMPOTENCY_TTL, ConfigReader.shown(idempotency.ttl()));
        into.put(IDEMPOTENCY_LEASE_MS, idempotency.lease().toMillis());
        into.put(AUDIT_RETENTION, ConfigReader.shown(auditRetention));
    }
}
