package io.conduithex.adapter.jdbi;

import io.conduithex.adapter.jdbi.error.PostgresErrorClassifier;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import io.conduithex.adapter.jdbi.error.SqliteErrorClassifier;
import io.conduithex.adapter.jdbi.health.DatabaseHealth;
import io.conduithex.adapter.jdbi.pool.ConnectionPools;
import io.conduithex.adapter.jdbi.pool.PoolFactory;
import io.conduithex.adapter.jdbi.transaction.JdbiUnitOfWork;
import io.conduithex.application.health.HealthCheck;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
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
    private final DatabaseHealth health;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile String latestShippedVersion;

    private JdbiPersistence(DatabaseSettings settings, ConnectionPools pools, MeterRegistry meters) {
        this.settings = settings;
        this.pools = pools;
        this.classifier = classifierFor(settings.dialect());
        this.unitOfWork = new JdbiUnitOfWork(pools, settings.dialect(), classifier, meters, settings.longTransaction());
        this.health = new DatabaseHealth(settings, this::latestShippedVersion, pools::sizedPoolStatus);
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

    public SqlErrorClassifier classifier() {
        return classifier;
    }

    /**
     * Applies pending Flyway migrations of this dialect. On SQLite it goes through the writer pool, so the
     * migration is serialized with every other writer of this process.
     */
    public MigrationResult migrate() {
        Flyway flyway = flyway();
        MigrateResult result = flyway.migrate();
        var info = flyway.info();
        latestShippedVersion = latestResolved(info);
        var current = info.current();
        String version = current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
        log.info("Migrations: {} applied, schema now at version {}", result.migrationsExecuted,
                version == null ? "<empty>" : version);
        return new MigrationResult(result.migrationsExecuted, version);
    }

    private Flyway flyway() {
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
        return configuration
                .locations(settings.dialect().migrationsLocation())
                .loggers("slf4j")
                .load();
    }

    /**
     * The newest migration version this build ships. Known once {@link #migrate()} ran in this process; otherwise
     * asked of Flyway once (which reads the history table too, so it needs the database).
     */
    private String latestShippedVersion() {
        String known = latestShippedVersion;
        if (known == null) {
            known = latestResolved(flyway().info());
            latestShippedVersion = known;
        }
        return known;
    }

    private static String latestResolved(MigrationInfoService info) {
        return Arrays.stream(info.all())
                .filter(migration -> migration.getState().isResolved() && migration.getVersion() != null)
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElse("0");
    }

    /** The readiness checks of this database: ping, migrations, pool. */
    public List<HealthCheck> healthChecks() {
        return health.checks();
    }

    public PoolStatus poolStatus() {
        return pools.status();
    }

    /** Closes the pool(s), waiting for lent connections to come back. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            health.close();
            pools.close();
            log.info("Closed {} database connections", settings.dialect());
        }
    }
}
