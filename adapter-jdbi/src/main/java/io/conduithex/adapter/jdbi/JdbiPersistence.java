package io.conduithex.adapter.jdbi;

import io.conduithex.adapter.jdbi.error.PostgresErrorClassifier;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import io.conduithex.adapter.jdbi.error.SqliteErrorClassifier;
import io.conduithex.adapter.jdbi.pool.ConnectionPools;
import io.conduithex.adapter.jdbi.pool.PoolFactory;
import io.conduithex.adapter.jdbi.seed.JdbiSeedWriter;
import io.conduithex.adapter.jdbi.transaction.JdbiUnitOfWork;
import io.conduithex.domain.port.persistence.SeedWriter;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of the JDBI adapter: owns the connection pool(s) for one database and hands out the
 * {@link UnitOfWork} that implements the persistence ports on it. Thread-safe; close it once, at shutdown.
 */
public final class JdbiPersistence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JdbiPersistence.class);

    private final DatabaseSettings settings;
    private final ConnectionPools pools;
    private final SqlErrorClassifier classifier;
    private final UnitOfWork unitOfWork;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbiPersistence(DatabaseSettings settings, ConnectionPools pools, MeterRegistry meters) {
        this.settings = settings;
        this.pools = pools;
        this.classifier = classifierFor(settings.dialect());
        this.unitOfWork = new JdbiUnitOfWork(pools, settings.dialect(), classifier, meters, settings.longTransaction());
    }

    /** Opens the pool(s) for {@code settings}; registers pool metrics with {@code meters}. Does not migrate. */
    public static JdbiPersistence open(DatabaseSettings settings, MeterRegistry meters) {
        log.info("Opening {} database {}", settings.dialect(), JdbcUrls.masked(settings.url()));
        return new JdbiPersistence(settings, PoolFactory.open(settings, meters), meters);
    }

    /** The classifier for a dialect's errors. */
    public static SqlErrorClassifier classifierFor(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresErrorClassifier();
            case SQLITE -> new SqliteErrorClassifier();
        };
    }

    public Dialect dialect() {
        return settings.dialect();
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** Bulk loading for the seed command, on the writer pool. */
    public SeedWriter seedWriter() {
        return new JdbiSeedWriter(pools.writer(), settings.dialect(), classifier);
    }

    public SqlErrorClassifier classifier() {
        return classifier;
    }

    /**
     * Applies pending Flyway migrations of this dialect. On SQLite it goes through the writer pool, so the
     * migration is serialized with every other writer of this process.
     */
    public MigrationResult migrate() {
        var configuration = Flyway.configure();
        if (settings.dialect() == Dialect.SQLITE) {
            configuration.dataSource(pools.writer().dataSource());
        } else {
            // Flyway holds one connection for its lock and uses another to migrate: outside the pool, so that
            // a small pool cannot starve it. It may log in as the schema's owner while the pool's role only
            // reads and writes rows.
            if (settings.migrationUser() != null) {
                configuration.dataSource(settings.url(), settings.migrationUser(), settings.migrationPassword());
            } else {
                configuration.dataSource(settings.url(), settings.user(), settings.password());
            }
        }
        Flyway flyway = configuration
                .locations(settings.dialect().migrationsLocation())
                .loggers("slf4j")
                .load();
        MigrateResult result = flyway.migrate();
        var current = flyway.info().current();
        String version = current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
        log.info("Migrations: {} applied, schema now at version {}", result.migrationsExecuted,
                version == null ? "<empty>" : version);
        return new MigrationResult(result.migrationsExecuted, version);
    }

    public PoolStatus poolStatus() {
        return pools.status();
    }

    /** Closes the pool(s), waiting for lent connections to come back. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pools.close();
            log.info("Closed {} database connections", settings.dialect());
        }
    }
}
