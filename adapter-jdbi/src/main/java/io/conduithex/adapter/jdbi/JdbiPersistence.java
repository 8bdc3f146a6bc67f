package io.conduithex.adapter.jdbi;

import com.zaxxer.hikari.util.DriverDataSource;
import io.conduithex.adapter.jdbi.change.ChangeReports;
import io.conduithex.adapter.jdbi.change.NoticeListener;
import io.conduithex.adapter.jdbi.values.ChangeFeed;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.PoolStatus;
import io.conduithex.adapter.jdbi.values.MigrationResult;
import io.conduithex.adapter.jdbi.values.JdbcUrls;
import io.conduithex.adapter.jdbi.values.Pooler;
import io.conduithex.adapter.jdbi.values.ReplicaSettings;
import io.conduithex.adapter.jdbi.replica.ReplicaSet;
import io.conduithex.adapter.jdbi.health.DatabaseHealth;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import io.conduithex.adapter.jdbi.migration.Migrations;
import io.conduithex.adapter.jdbi.monitoring.JdbiPoolMonitor;
import io.conduithex.adapter.jdbi.monitoring.MariaDbDiagnostics;
import io.conduithex.adapter.jdbi.monitoring.PostgresDiagnostics;
import io.conduithex.adapter.jdbi.monitoring.SqliteDiagnostics;
import io.conduithex.adapter.jdbi.monitoring.TimingRecorder;
import io.conduithex.adapter.jdbi.pool.ConnectionPools;
import io.conduithex.adapter.jdbi.pool.PoolFactory;
import io.conduithex.adapter.jdbi.seed.JdbiSeedWriter;
import io.conduithex.adapter.jdbi.server.PoolBudget;
import io.conduithex.adapter.jdbi.server.ServerFacts;
import io.conduithex.adapter.jdbi.setup.ServerProbe;
import io.conduithex.adapter.jdbi.transaction.JdbiUnitOfWork;
import io.conduithex.application.health.HealthCheck;
import io.conduithex.domain.port.persistence.ChangeListener;
import io.conduithex.domain.port.persistence.ConnectionPoolMonitor;
import io.conduithex.domain.port.persistence.DatabaseDiagnostics;
import io.conduithex.domain.port.persistence.DatabaseTimings;
import io.conduithex.domain.port.persistence.ReadConsistency;
import io.conduithex.domain.port.persistence.SeedWriter;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.jdbi.v3.core.statement.StatementCustomizer;
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
    private final ReplicaSet replicas;
    private final SqlErrorClassifier classifier;
    private final JdbiUnitOfWork unitOfWork;
    private final TimingRecorder timings;
    private final DatabaseHealth health;
    private volatile String latestShippedVersion;
    /** Null until {@link #reportChangesTo} starts one, and on databases where nobody else is heard. */
    private NoticeListener notices;
    private boolean reporting;
    private final AtomicBoolean closed = new AtomicBoolean();

    private JdbiPersistence(DatabaseSettings settings, ConnectionPools pools, ReplicaSet replicas,
                            MeterRegistry meters, TimingRecorder timings) {
        this.settings = settings;
        this.pools = pools;
        this.replicas = replicas;
        this.timings = timings;
        this.classifier = classifierFor(settings.dialect());
this.unitOfWork = new JdbiUnitOfWork(replicas.router(), settings, classifier, meters, timings);
        this.health = new DatabaseHealth(settings, this::latestShippedVersion, pools::sizedPoolStatus);
    }

    /** Opens the pool(s) for {@code settings}; registers pool metrics with {@code meters}. Does not migrate. */
    public static JdbiPersistence open(DatabaseSettings settings, MeterRegistry meters) {
        return open(settings, ReplicaSettings.NONE, meters);
    }

    /**
     * Opens the pool(s) for {@code settings}, and a pool per hot standby in {@code replicaSettings} (PostgreSQL
     * only) that read-only units of work run on; registers pool metrics with {@code meters}. Does not migrate.
     */
    public static JdbiPersistence open(DatabaseSettings settings, ReplicaSettings replicaSettings,
                                       MeterRegistry meters) {
        if (replicaSettings.any() && settings.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("replicas need a PostgreSQL primary, not " + settings.dialect());
        }
        log.info("Opening {} database {}", settings.dialect(), JdbcUrls.masked(settings.url()));
        var timings = new TimingRecorder(settings.slowStatement(), meters, Clock.systemUTC());
        ConnectionPools pools = PoolFactory.open(settings, meters, timings);
        ReplicaSet replicas;
        try {
            replicas = ReplicaSet.open(settings, pools, replicaSettings, meters, timings);
        } catch (RuntimeException e) {
            pools.close();
            throw e;
        }
        return new JdbiPersistence(settings, pools, replicas, meters, timings);
    }

    /** The classifier for a dialect's errors. */
    public static SqlErrorClassifier classifierFor(Dialect dialect) {
        return SqlErrorClassifier.of(dialect);
    }

    public Dialect dialect() {
        return settings.dialect();
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** How this instance hears other instances' commits once {@link #reportChangesTo} was called. */
    public ChangeFeed changeFeed() {
        if (settings.dialect() == Dialect.SQLITE) {
            return ChangeFeed.SINGLE_INSTANCE;
        }
        if (settings.dialect() == Dialect.MARIADB) {
            return ChangeFeed.NO_NOTICES;
        }
        return settings.pooler() == Pooler.PGBOUNCER ? ChangeFeed.UNAVAILABLE_THROUGH_POOLER : ChangeFeed.LISTENING;
    }

    /**
     * From now on every unit of work that commits tells {@code listener} what it changed, before it returns (see
     * {@link ChangeListener}). With a {@link ChangeFeed#LISTENING} feed the changes also travel to other instances
     * as a notice in the writing transaction, and a connection of its own ({@code application_name} suffixed
     * {@code -listen}, one more against the server's budget) hears theirs and tells {@code listener}, until
     * {@link #close()}. Call it once; with nobody listening, units of work record and send nothing.
     *
     * @throws IllegalStateException when called twice or after close
     */
    public synchronized void reportChangesTo(ChangeListener listener) {
        if (closed.get()) {
            throw new IllegalStateException("closed");
        }
        if (reporting) {
            throw new IllegalStateException("changes are already reported");
        }
        reporting = true;
        // Names this instance in its notices, so that it can tell its own from other instances'.
        String instance = UUID.randomUUID().toString().substring(0, 8);
        boolean listening = changeFeed() == ChangeFeed.LISTENING;
        unitOfWork.reportChangesTo(new ChangeReports(listener, instance, listening));
        if (listening) {
            notices = NoticeListener.start(settings, instance, listener);
        }
    }

    /** Read-your-writes across requests when reads run on replicas; does nothing without them. */
    public ReadConsistency readConsistency() {
        return replicas.router().consistency();
    }

    /** The hot standbys reads run on; none unless configured. */
    public ReplicaSet replicas() {
        return replicas;
    }

    /**
     * Hands every statement that units of work run from now on (on the writer and reader pools) to {@code observer}
     * before it executes: JDBI's own statement hook, for the test that pins the SQL each endpoint sends to the
     * benchmark's scripts of it. Handles opened before the call are not observed.
     */
    public void observeStatements(StatementCustomizer observer) {
        pools.writer().jdbi().addCustomizer(observer);
        if (pools.reader() != pools.writer()) {
            pools.reader().jdbi().addCustomizer(observer);
        }
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
        DataSource source = migrationSource();
        if (settings.dialect() != Dialect.SQLITE) {
            // Before anything is migrated, on a connection of its own.
            try (Handle handle = Jdbi.open(source)) {
                ServerFacts.of(settings.dialect()).requireSupported(handle);
            }
        }
        MigrationResult result = migrations(source).migrate();
        latestShippedVersion = result.latestShippedVersion();
        replicas.router().raiseFloor();
        return result;
    }

    /**
     * The newest migration version this build ships. Known once {@link #migrate()} ran in this process; otherwise
     * asked of Flyway once (which reads the history table too, so it needs the database).
     */
    private String latestShippedVersion() {
        String known = latestShippedVersion;
        if (known == null) {
            known = migrations().latestShippedVersion();
            latestShippedVersion = known;
        }
        return known;
    }

    /** The readiness checks of this database: ping, migrations, pool, and the replicas when there are any. */
    public List<HealthCheck> healthChecks() {
        List<HealthCheck> checks = new ArrayList<>(health.checks());
        checks.addAll(replicas.healthChecks());
        return checks;
    }

    /** Flyway's operations (info, validate, repair, migrate) on this database, with the migration credentials. */
    public Migrations migrations() {
        return migrations(migrationSource());
    }

    private Migrations migrations(DataSource source) {
        return new Migrations(Flyway.configure()
                .dataSource(source)
                .locations(settings.dialect().migrationsLocation())
                .loggers("slf4j")
                .load());
    }

    /** Facts about the server, read over the pool: for {@code doctor}. */
    public ServerProbe probe() {
        return new ServerProbe(pools.reader(), settings.dialect());
    }

    /**
     * Connections for migrations on PostgreSQL: bounded connect and login waits, so that a server that is down
     * or silent fails the attempt (and startup retries) instead of hanging it. No socket timeout: a migration may
     * legitimately run one long statement, such as building an index on a large table.
     */
    private DataSource migrationSource() {
        // On SQLite through the writer pool, so that migrating is serialized with every other writer. On
        // PostgreSQL Flyway holds one connection for its lock and uses another to migrate: outside the pool, so
        // that a small pool cannot starve it; it may log in as the schema's owner while the pool's role only
        // reads and writes rows.
        return switch (settings.dialect()) {
            case SQLITE -> pools.writer().dataSource();
            case POSTGRESQL -> migrationDataSource();
            case MARIADB -> mariaDbMigrationDataSource();
        };
    }

    /**
     * Connections for migrations on MariaDB, outside the pool for the same reasons as on PostgreSQL: a bounded
     * connect wait, no statement time limit, strict SQL in UTC (the mode a trigger is created in is the mode it
     * runs in), and the migration credentials when given.
     */
    private DataSource mariaDbMigrationDataSource() {
        boolean separate = settings.migrationUser() != null;
        var properties = new Properties();
        properties.setProperty("connectTimeout", String.valueOf(settings.poolTimeout().toMillis()));
        properties.setProperty("connectionAttributes", "program_name:" + settings.applicationName() + "-migrate");
        properties.setProperty("sessionVariables", PoolFactory.mariaDbSession(settings, false));
        return new DriverDataSource(settings.url(), null, properties,
                separate ? settings.migrationUser() : settings.user(),
                separate ? settings.migrationPassword() : settings.password());
    }

    private DataSource migrationDataSource() {
        var dataSource = new PGSimpleDataSource();
        dataSource.setURL(settings.url());
        boolean separate = settings.migrationUser() != null;
        String user = separate ? settings.migrationUser() : settings.user();
        String password = separate ? settings.migrationPassword() : settings.password();
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        int waitSeconds = (int) Math.max(1, (settings.poolTimeout().toMillis() + 999) / 1000);
        dataSource.setConnectTimeout(waitSeconds);
        dataSource.setLoginTimeout(waitSeconds);
        dataSource.setApplicationName(settings.applicationName() + "-migrate");
        if (settings.pooler() == Pooler.PGBOUNCER) {
            // A statement prepared on one server connection is unknown on the next one PgBouncer hands out.
            dataSource.setPrepareThreshold(0);
        }
        return dataSource;
    }

    public PoolStatus poolStatus() {
        return pools.status();
    }

    /** Transaction and statement durations, and the slow statements, on this database. */
    public DatabaseTimings timings() {
        return timings;
    }

    /** The pool's live state and configuration; {@code instances} application instances share the database. */
    public ConnectionPoolMonitor poolMonitor(int instances) {
        return new JdbiPoolMonitor(pools::status, settings, instances);
    }

    /**
     * Diagnostics from the database itself, in its dialect. {@code instances} application instances share the
     * database, so the pool budget it is measured against is the pool size times that.
     */
    public DatabaseDiagnostics diagnostics(int instances) {
        return switch (settings.dialect()) {
            case POSTGRESQL -> new PostgresDiagnostics(pools.reader().jdbi(),
                    () -> migrations(pools.reader().dataSource()), new PoolBudget(settings.poolSize(), instances));
            // The writer is the connection Flyway migrated through; the reader pool is read-only (query_only).
            case SQLITE -> new SqliteDiagnostics(pools.reader().jdbi(), () -> migrations(pools.writer().dataSource()));
            case MARIADB -> new MariaDbDiagnostics(pools.reader().jdbi(),
                    () -> migrations(pools.reader().dataSource()), new PoolBudget(settings.poolSize(), instances));
        };
    }

    private synchronized void stopListening() {
        if (notices != null) {
            notices.close();
        }
    }

    /** Closes the pool(s), waiting for lent connections to come back. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stopListening();
            health.close();
            replicas.close();
            pools.close();
            log.info("Closed {} database connections", settings.dialect());
        }
    }
}
