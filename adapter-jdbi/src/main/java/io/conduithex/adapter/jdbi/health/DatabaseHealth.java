package io.conduithex.adapter.jdbi.health;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.PoolStatus;
import io.conduithex.application.health.HealthCheck;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The readiness checks of one database: {@code database} (a ping within {@link #PROBE_TIMEOUT}, on a
 * connection of its own), {@code migrations} (the schema is at the latest shipped version) and {@code pool}
 * (the pool is not exhausted). Thread-safe; close it with the persistence that owns it.
 */
public final class DatabaseHealth implements AutoCloseable {
    /** How long a probe waits for the database, independent of the pool's connection timeout. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final ProbeConnection probe;
    private final List<HealthCheck> checks;

    /**
     * @param latestShipped the newest migration version this build ships
     * @param poolStatus    the state of the pool sized by the configuration
     */
    public DatabaseHealth(DatabaseSettings settings, Supplier<String> latestShipped, Supplier<PoolStatus> poolStatus) {
        this.probe = new ProbeConnection(settings, PROBE_TIMEOUT);
        var ping = new DatabasePing(probe, settings.dialect(), PROBE_TIMEOUT);
        // In this order: the migrations check relies on the ping having just run.
        this.checks = List.of(ping, new MigrationState(probe, latestShipped, ping::failedRecently),
                new PoolSaturation(poolStatus));
    }

    public List<HealthCheck> checks() {
        return checks;
    }

    /** Closes the probe connection. Idempotent. */
    @Override
    public void close() {
        probe.close();
    }
}
