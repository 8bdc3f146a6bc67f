package io.conduithex.adapter.jdbi.pool;

import com.zaxxer.hikari.HikariDataSource;
import io.conduithex.adapter.jdbi.values.PoolStatus;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** One HikariCP pool and the JDBI instance that draws handles from it. Thread-safe. */
public final class Pool {
    /** One retirement covers every connection that broke with the same event (a restart, a mass termination). */
    private static final long RETIRE_AT_MOST_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final WaitingDataSource waiting;
    private final LeakWatch leaks;
    private final AtomicLong lastRetiredNanos = new AtomicLong(System.nanoTime() - RETIRE_AT_MOST_EVERY_NANOS);

    /**
     * @param waiting        the data source under the pool when it waits out an unreachable server, else null
     * @param leaks          what reports handles held past the leak threshold, else null (leak detection off)
     */
    Pool(HikariDataSource dataSource, Jdbi jdbi, WaitingDataSource waiting, LeakWatch leaks) {
        this.waiting = waiting;
        this.leaks = leaks;
        this.dataSource = dataSource;
        this.jdbi = jdbi;
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** A handle on a pooled connection; when none comes in time, the failure names why if it can. */
    public Handle open() {
        try {
            return jdbi.open();
        } catch (ConnectionException e) {
            throw withReason(e);
        }
    }

    /**
     * HikariCP names the reason it has no connection only when an attempt to open one failed; attempts that wait
     * out an unreachable server do not fail, so the reason is taken from them.
     */
    private RuntimeException withReason(ConnectionException failure) {
        if (waiting != null && failure.getCause() instanceof SQLTransientConnectionException timedOut
                && timedOut.getCause() == null) {
            var reason = waiting.recentFailure();
            if (reason.isPresent()) {
                return new ConnectionException(new SQLTransientConnectionException(timedOut.getMessage(),
                        timedOut.getSQLState(), reason.get()));
            }
        }
        return failure;
    }

    /** Makes the pool close {@code connection} when it comes back instead of lending it again. */
    public void discard(Connection connection) {
        dataSource.evictConnection(connection);
    }

    /**
     * Retires every connection of the pool: idle ones now, lent ones when they come back. For when one
     * connection was found dead: a server restart or an operator ending sessions kills them all at once, and
     * each dead one would otherwise cost a request a failed attempt. At most once a second, so that the
     * requests failing on the same event do not also retire the fresh connections that replace the dead ones.
     */
    public void retireAll() {
        long now = System.nanoTime();
        long last = lastRetiredNanos.get();
        if (now - last < RETIRE_AT_MOST_EVERY_NANOS || !lastRetiredNanos.compareAndSet(last, now)) {
            return;
        }
        var bean = dataSource.getHikariPoolMXBean();
        if (bean != null) {
            bean.softEvictConnections();
        }
    }

    /** Closes the pool, waiting for lent connections to come back; ends any wait for an unreachable server. */
    public void close() {
        if (waiting != null) {
            waiting.stop();
        }
        try {
            dataSource.close();
        } finally {
            if (leaks != null) {
                leaks.close();
            }
        }
    }

    /** The pool's figures now. */
    public PoolStatus status() {
        return new PoolStatus(active(), idle(), waiting(), maximum());
    }

    int active() {
        var bean = dataSource.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getActiveConnections();
    }

    int idle() {
        var bean = dataSource.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getIdleConnections();
    }

    int waiting() {
        var bean = dataSource.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getThreadsAwaitingConnection();
    }

    int maximum() {
        return dataSource.getMaximumPoolSize();
    }
}
