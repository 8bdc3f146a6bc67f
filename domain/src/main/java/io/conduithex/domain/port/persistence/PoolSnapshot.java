package io.conduithex.domain.port.persistence;

import java.util.Objects;

/**
 * The connection pool at one moment and how it is configured.
 *
 * @param maximum       the most connections the pool may hold (the pool's size)
 * @param active        connections lent out to units of work
 * @param idle          connections ready in the pool
 * @param waiting       threads waiting for a connection
 * @param configuration the settings that bound the pool
 */
public record PoolSnapshot(int maximum, int active, int idle, int waiting, PoolConfiguration configuration) {

    public PoolSnapshot {
        Objects.requireNonNull(configuration, "configuration");
    }

    /** Lent connections as a percentage of the maximum, 0 to 100, one decimal. */
    public double utilizationPercent() {
        return maximum == 0 ? 0 : Math.round(1000.0 * active / maximum) / 10.0;
    }

    /**
     * @param dialect              {@code postgresql} or {@code sqlite}
     * @param maximumSize          the configured pool size (on SQLite: readers, plus one writer connection)
     * @param connectionTimeoutMs  how long a unit of work waits for a connection
     * @param maxLifetimeMs        how long a connection lives, 0 for ever
     * @param leakDetectionMs      how long a connection may be lent before it is reported, 0 for off
     * @param statementTimeoutMs   how long one statement may run
     * @param instances            how many application instances share the database
     */
    public record PoolConfiguration(String dialect, int maximumSize, long connectionTimeoutMs, long maxLifetimeMs,
                                    long leakDetectionMs, long statementTimeoutMs, int instances) {
    }
}
