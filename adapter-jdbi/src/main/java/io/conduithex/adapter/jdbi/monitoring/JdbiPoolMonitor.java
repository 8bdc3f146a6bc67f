package io.conduithex.adapter.jdbi.monitoring;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.PoolStatus;
import io.conduithex.domain.port.persistence.ConnectionPoolMonitor;
import io.conduithex.domain.port.persistence.PoolSnapshot;
import java.util.Locale;
import java.util.function.Supplier;

/** The pool's live figures from HikariCP, with the settings that bound it. Thread-safe. */
public final class JdbiPoolMonitor implements ConnectionPoolMonitor {
    private final Supplier<PoolStatus> status;
    private final PoolSnapshot.PoolConfiguration configuration;

    /**
     * @param status    the live figures (on SQLite, readers and the writer added up)
     * @param instances how many application instances share the database
     */
    public JdbiPoolMonitor(Supplier<PoolStatus> status, DatabaseSettings settings, int instances) {
        this.status = status;
        this.configuration = new PoolSnapshot.PoolConfiguration(
                settings.dialect().name().toLowerCase(Locale.ROOT), settings.poolSize(),
                settings.poolTimeout().toMillis(), settings.maxLifetime().toMillis(),
                settings.leakDetection().toMillis(), settings.statementTimeout().toMillis(), instances);
    }

    @Override
    public PoolSnapshot pool() {
        PoolStatus now = status.get();
        return new PoolSnapshot(now.maximum(), now.active(), now.idle(), now.waiting(), configuration);
    }
}
