package io.conduithex.application.idempotency;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a key is kept, and how long a request's claim on its key holds.
 *
 * @param ttl   from a key's first use until it is forgotten and may be used for a new request
 * @param lease how long a claim holds while its request runs; past it another request with the key may take it
 *              over (the first can then no longer store its response, so it rolls back: still one execution).
 *              It only matters when a request died without releasing its key: a crash, or a database that went
 *              away before the release
 */
public record IdempotencySettings(Duration ttl, Duration lease) {
    public static final IdempotencySettings DEFAULTS = new IdempotencySettings(Duration.ofHours(24),
            Duration.ofSeconds(10));

    public IdempotencySettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("the lease must be positive, was " + lease);
        }
        if (ttl.compareTo(lease) <= 0) {
            throw new IllegalArgumentException("the ttl (" + ttl + ") must exceed the lease (" + lease + ")");
        }
    }
}
