package io.conduithex.adapter.jdbi.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import com.zaxxer.hikari.util.DriverDataSource;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.values.Pooler;
import io.conduithex.adapter.jdbi.monitoring.TimingRecorder;
import io.conduithex.adapter.jdbi.sql.StatementMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/** Builds the HikariCP pools for a dialect, with the per-connection settings DESIGN.md asks for. */
public final class PoolFactory {

    private static final Duration KEEPALIVE = Duration.ofMinutes(2);
    /** Page cache of each SQLite reader connection, in KiB. */
    static final int READER_CACHE_KIB = 512;

    private PoolFactory() {
    }

    public static ConnectionPools open(DatabaseSettings settings, MeterRegistry meters) {
        return open(settings, meters, new TimingRecorder(settings.slowStatement(), meters, Clock.systemUTC()));
    }

    /** Opens the pools; every statement on them is timed into {@code timings}. */
    public static ConnectionPools open(DatabaseSettings settings, MeterRegistry meters, TimingRecorder timings) {
        return switch (settings.dialect()) {
            case POSTGRESQL -> openPostgres(settings, meters, timings);
            case SQLITE -> openSqlite(settings, meters, timings);
            case MARIADB -> openMariaDb(settings, meters, timings);
        };
    }

    private static ConnectionPools openPostgres(DatabaseSettings settings, MeterRegistry meters,
                                                TimingRecorder timings) {
        Pool pool = postgresPool(settings, "conduit-postgresql", meters, timings);
        return new ConnectionPools(pool, pool);
    }

    /**
     * The pool of one PostgreSQL hot standby, configured like the primary's; {@code name} tags its metrics, so it
     * must be bounded ({@code conduit-replica-1}), never a URL.
     */
    public static Pool openReplica(DatabaseSettings replica, String name, MeterRegistry meters,
                                   TimingRecorder timings) {
        return postgresPool(replica, name, meters, timings);
    }

    private static Pool postgresPool(DatabaseSettings settings, String name, MeterRegistry meters,
                                     TimingRecorder timings) {
        HikariConfig config = common(settings, name, meters);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        config.setKeepaliveTime(Math.min(KEEPALIVE.toMillis(), settings.maxLifetime().toMillis() / 2));
        config.addDataSourceProperty("ApplicationName", settings.applicationName());
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("connectTimeout", String.valueOf(secondsAtLeastOne(settings.poolTimeout())));
        long statementMs = settings.statementTimeout().toMillis();
        // Every connection carries its own limits, so that no statement and no forgotten transaction can
        // hold locks for long whatever the code above does.
        // Prepared statements (the driver prepares a statement on the server from its fifth run) reuse one
        // generic plan instead of planning again on every run: planning was 30-40% of the database's time
        // for a page of articles, and PostgreSQL kept choosing custom plans for it because it cannot cost a
        // LIMIT it does not know. Every statement here is written so that its generic plan is the right one
        // (key lookups, index ranges, ids matched with = ANY); ArticleIndexUsageTest checks the list plans.
        // PgBouncer refuses startup options: there the limits are set in each transaction (TransactionLimits).
        if (settings.pooler() != Pooler.PGBOUNCER) {
            config.addDataSourceProperty("options", "-c statement_timeout=" + statementMs
                    + " -c idle_in_transaction_session_timeout=" + idleInTransactionMillis(settings)
                    + " -c plan_cache_mode=force_generic_plan");
        }
        var waiting = new WaitingDataSource(new DriverDataSource(config.getJdbcUrl(), null,
                config.getDataSourceProperties(), config.getUsername(), config.getPassword()), settings.poolTimeout(),
                // Without it a read from a server or network that went silent (no reset, no answer) blocks for ever.
                settings.socketTimeout());
        config.setDataSource(waiting);
        return pool(config, settings, meters, timings, waiting);
    }

    private static ConnectionPools openMariaDb(DatabaseSettings settings, MeterRegistry meters,
                                               TimingRecorder timings) {
        HikariConfig config = common(settings, "conduit-mariadb", meters);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        config.setKeepaliveTime(Math.min(KEEPALIVE.toMillis(), settings.maxLifetime().toMillis() / 2));
        // MariaDB's default is REPEATABLE READ. A unit of work that asks for no level gets READ COMMITTED, as on
        // PostgreSQL: each statement sees what committed before it, a page and its count come from one statement
        // and so one snapshot, and writers do not take the gap locks REPEATABLE READ takes on every range they
        // read. HikariCP sets it on every new connection and restores it when a connection comes back changed.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.addDataSourceProperty("connectionAttributes", "program_name:" + settings.applicationName());
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("connectTimeout", String.valueOf(settings.poolTimeout().toMillis()));
        // Every connection carries its own limits, so that no statement and no forgotten transaction can hold
        // locks for long whatever the code above does (see mariaDbSession).
        config.addDataSourceProperty("sessionVariables", mariaDbSession(settings, true));
        var waiting = new WaitingDataSource(new DriverDataSource(config.getJdbcUrl(), null,
                config.getDataSourceProperties(), config.getUsername(), config.getPassword()), settings.poolTimeout(),
                // Without it a read from a server or network that went silent (no reset, no answer) blocks for ever.
                settings.socketTimeout());
        config.setDataSource(waiting);
        Pool pool = pool(config, settings, meters, timings, waiting);
        return new ConnectionPools(pool, pool);
    }

    /**
     * The session variables of every MariaDB connection, as Connector/J's {@code sessionVariables} (sent in the
     * connection's first statement): strict SQL (a value too long or a bad date is an error, never silently cut,
     * whatever the server's default), instants in UTC (DATETIME columns and CURRENT_TIMESTAMP defaults), and,
     * when {@code limited}, the statement time limit ({@code max_statement_time}, seconds), the wait for a row lock
     * ({@code innodb_lock_wait_timeout}: half the statement's, at least a second, so that a blocked writer ends
     * in a lock wait timeout the unit of work retries rather than in the statement timeout), and the life of a
     * transaction left idle ({@code idle_transaction_timeout}). Migrations run without the limits.
     */
    public static String mariaDbSession(DatabaseSettings settings, boolean limited) {
        String session = "sql_mode='STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,"
                + "NO_ENGINE_SUBSTITUTION',time_zone='+00:00'";
        if (!limited) {
            return session;
        }
        long statementMs = settings.statementTimeout().toMillis();
        return session
                + ",max_statement_time=" + String.format(java.util.Locale.ROOT, "%.3f", statementMs / 1000.0)
                + ",innodb_lock_wait_timeout=" + Math.max(1, statementMs / 2000)
                + ",idle_transaction_timeout=" + Math.max(1, idleInTransactionMillis(settings) / 1000);
    }

    private static ConnectionPools openSqlite(DatabaseSettings settings, MeterRegistry meters,
                                              TimingRecorder timings) {
        HikariConfig writerConfig = sqliteCommon(settings, "conduit-sqlite-writer", meters);
        writerConfig.setMaximumPoolSize(1);
        // Write transactions take the write lock at BEGIN, so two writers never deadlock upgrading their locks.
        writerConfig.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        Pool writer = pool(writerConfig, settings, meters, timings);

        HikariConfig readerConfig = sqliteCommon(settings, "conduit-sqlite-reader", meters);
        readerConfig.setMaximumPoolSize(settings.poolSize());
        readerConfig.addDataSourceProperty("transaction_mode", "DEFERRED");
        // Readers can never write, whatever the code above them does.
        readerConfig.setConnectionInitSql("PRAGMA query_only = ON");
        // Every reader keeps a page cache of its own (2 MiB by default) on top of the operating system's, which
        // already holds the file: with 16 readers that was 35 MB of the process for pages cached twice.
        readerConfig.addDataSourceProperty("cache_size", String.valueOf(-READER_CACHE_KIB));
        try {
            return new ConnectionPools(writer, pool(readerConfig, settings, meters, timings));
        } catch (RuntimeException e) {
            writer.dataSource().close();
            throw e;
        }
    }

    private static HikariConfig sqliteCommon(DatabaseSettings settings, String name, MeterRegistry meters) {
        HikariConfig config = common(settings, name, meters);
        // One property per pragma: sqlite-jdbc applies each to every new connection.
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", String.valueOf(settings.poolTimeout().toMillis()));
        // A file database lives as long as the process; recycling its connections buys nothing.
        config.setMaxLifetime(0);
        return config;
    }

    /** A pool named {@code name} that logs in to the settings' database as their user; the rest is the caller's. */
    public static HikariConfig loggingIn(DatabaseSettings settings, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.url());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        if (settings.pooler() == Pooler.PGBOUNCER) {
            // A statement prepared on one server connection is unknown on the next one PgBouncer hands out.
            config.addDataSourceProperty("prepareThreshold", "0");
        }
        return config;
    }

    private static HikariConfig common(DatabaseSettings settings, String name, MeterRegistry meters) {
        HikariConfig config = loggingIn(settings, name);
        config.setConnectionTimeout(settings.poolTimeout().toMillis());
        // Checking an idle connection must leave time, within the pool timeout, to try another.
        config.setValidationTimeout(Math.max(250, Math.min(settings.poolTimeout().toMillis() / 2, 5_000)));
        // Leaks are watched by LeakWatch, on the JDBI handles: HikariCP's detector captures a stack on every borrow.
        // The pool opens no connection while it is built: the application starts, says it is not ready, and
        // waits for the database itself (see the startup in bootstrap) instead of failing on the first refusal.
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        return config;
    }

    private static Pool pool(HikariConfig config, DatabaseSettings settings, MeterRegistry meters,
                             TimingRecorder timings) {
        return pool(config, settings, meters, timings, null);
    }

    private static Pool pool(HikariConfig config, DatabaseSettings settings, MeterRegistry meters,
                             TimingRecorder timings, WaitingDataSource waiting) {
        config.setMetricsTrackerFactory(new AcquireTimingTrackerFactory(config.getMetricsTrackerFactory(), timings));
        HikariDataSource dataSource = new HikariDataSource(config);
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.getConfig(SqlStatements.class).setSqlLogger(new StatementMetrics(meters, timings));
        // No JDBC query timeout on PostgreSQL or MariaDB: the server's statement_timeout (max_statement_time) ends
        // slow statements, and the driver's socket timeout covers a server that stopped answering. The drivers'
        // query timeouts send their cancel over a new connection, which on a frozen network hangs too and holds
        // the request past both.
        if (settings.dialect() == Dialect.SQLITE) {
            // sqlite-jdbc's query timeout only swaps busy_timeout for the statement's length: it never interrupts.
            jdbi.addCustomizer(new SqliteStatementDeadline(settings.statementTimeout()));
        }
        LeakWatch leaks = null;
        if (!settings.leakDetection().isZero() && !settings.leakDetection().isNegative()) {
            leaks = new LeakWatch(config.getPoolName(), settings.leakDetection());
            jdbi.getConfig(Handles.class).addListener(leaks);
        }
        return new Pool(dataSource, jdbi, waiting, leaks);
    }

    /** How long a transaction may sit idle before the server ends its session: six statements' time, a minute at least. */
    public static long idleInTransactionMillis(DatabaseSettings settings) {
        return Math.max(settings.statementTimeout().toMillis() * 6, 60_000);
    }

    private static int secondsAtLeastOne(Duration duration) {
        return (int) Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
