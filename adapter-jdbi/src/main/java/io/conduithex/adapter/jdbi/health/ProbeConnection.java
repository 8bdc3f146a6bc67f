package io.conduithex.adapter.jdbi.health;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.conduithex.adapter.jdbi.pool.PoolFactory;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.application.health.HealthCheck.Result;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs health probes on a connection of their own, bounded in time whatever the driver does.
 *
 * <p>Why a separate pool of one connection: a probe must answer within its timeout even when the application's
 * pool is exhausted (that is the pool check's business, not a reason to report the database down), and it must
 * not queue behind requests for the pool's connection timeout. Why a worker thread as well: a connection attempt
 * or a query on a network that went silent may block past any driver timeout; the caller waits on a
 * {@link Future} for at most the timeout and reports DOWN, while the stuck probe is cancelled and ends at the
 * driver's socket timeout. Probes run one at a time on that thread, so a dead database costs one connection
 * attempt per round, never a pile of them.
 *
 * <p>The pool opens its connection on first use and keeps it while probes keep coming; one extra connection
 * against the server's budget. Thread-safe; close it once.
 */
final class ProbeConnection implements AutoCloseable {
    private static final String POOL_NAME = "conduit-health";
    private static final int SOCKET_TIMEOUT_SECONDS = 2;

    @FunctionalInterface
    interface Probe {
        Result on(Connection connection) throws SQLException;
    }

    private final DatabaseSettings settings;
    private final Duration timeout;
    private final ExecutorService worker;
    private HikariDataSource dataSource;
    private boolean closed;

    ProbeConnection(DatabaseSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
        this.worker = Executors.newSingleThreadExecutor(runnable -> {
            var thread = new Thread(runnable, "conduit-health-probe");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code probe} on the probe connection; DOWN when it fails or does not answer within the timeout. */
    Result run(Probe probe) {
        HikariDataSource source;
        synchronized (this) {
            if (closed) {
                return Result.down("the application is shutting down");
            }
            source = dataSource();
        }
        Future<Result> answer = worker.submit(() -> {
            try (Connection connection = source.getConnection()) {
                return probe.on(connection);
            }
        });
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Result.down("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Result.down(describe(e.getCause()));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return Result.down("interrupted while waiting for the database");
        }
    }

    private HikariDataSource dataSource() {
        if (dataSource == null) {
            dataSource = new HikariDataSource(config());
        }
        return dataSource;
    }

    private HikariConfig config() {
        var config = PoolFactory.loggingIn(settings, POOL_NAME);
        config.setMaximumPoolSize(1);
        config.setMinimumIdle(0);
        // HikariCP's floor is 250 ms; the caller stops waiting at the timeout anyway.
        config.setConnectionTimeout(Math.max(250, timeout.toMillis()));
        config.setValidationTimeout(250);
        config.setInitializationFailTimeout(-1);
        config.setAutoCommit(true);
        if (settings.dialect() == Dialect.POSTGRESQL) {
            config.setReadOnly(true);
            config.addDataSourceProperty("ApplicationName", settings.applicationName() + "-health");
            config.addDataSourceProperty("connectTimeout", "1");
            config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS));
        } else if (settings.dialect() == Dialect.MARIADB) {
            config.setReadOnly(true);
            config.addDataSourceProperty("connectionAttributes", "program_name:" + settings.applicationName() + "-health");
            // Connector/J counts its timeouts in milliseconds.
            config.addDataSourceProperty("connectTimeout", "1000");
            config.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_SECONDS * 1000));
        } else {
            config.addDataSourceProperty("busy_timeout", String.valueOf(timeout.toMillis()));
            // sqlite-jdbc cannot make an open connection read-only; the pragma makes it refuse writes instead.
            config.setConnectionInitSql("PRAGMA query_only = ON");
            config.setMaxLifetime(0);
        }
        return config;
    }

    /** A short reason without secrets: driver and pool messages name hosts and users, never passwords. */
    static String describe(Throwable failure) {
        Throwable shown = failure;
        // HikariCP's "request timed out" says little; the cause says why the connection could not be opened.
        if (failure instanceof java.sql.SQLTransientConnectionException && failure.getCause() != null) {
            shown = failure.getCause();
        }
        String message = shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
        message = message.replaceAll("\\s+", " ").trim();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    @Override
    public void close() {
        HikariDataSource source;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            source = dataSource;
        }
        worker.shutdownNow();
        if (source != null) {
            source.close();
        }
    }
}
