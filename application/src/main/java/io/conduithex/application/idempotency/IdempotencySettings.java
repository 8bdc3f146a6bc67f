package io.conduithex.application.idempotency;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a key is kept.
 *
 * @param ttl from a key's first use until it is forgotten and may be used for a new request
 */
public record IdempotencySettings(Duration ttl) {
    public static final IdempotencySettings DEFAULTS = new IdempotencySettings(Duration.ofHours(24));

    public IdempotencySettings {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the ttl must be positive, was " + ttl);
        }
    }
}
