package io.conduithex.adapter.jdbi.pool;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connections HikariCP opens on PostgreSQL and MariaDB, made to wait out an unreachable server instead of failing at
 * once. HikariCP backs off after each failed attempt to open a connection, doubling its pause up to five
 * seconds, so after an outage of a few seconds it would notice the server's return only up to five seconds
 * late. Here an attempt that finds the server unreachable tries again every {@value #PAUSE_MILLIS} ms, without
 * failing, until the server answers or the pool closes (which interrupts it): the pool has its new connection
 * moments after the server is back. A refused login or any other answer from the server fails at once, as
 * before. Meanwhile requests still time out after the pool timeout, with the last failure recorded here as
 * the reason ({@link #recentFailure}).
 */
final class WaitingDataSource implements DataSource {
    private static final long PAUSE_MILLIS = 100;

    private final DataSource driver;
    private final RecentFailure<SQLException> lastFailure;
    private final int networkTimeoutMillis;
    private volatile boolean stopped;

    /**
     * @param recent         how long a failure counts as the current reason the server cannot be reached
     * @param networkTimeout how long each connection waits for any answer from the server, in milliseconds
     *                       (finer than the driver's whole-second socketTimeout); HikariCP takes it as the
     *                       connections' default and restores it whenever one comes back
     */
    WaitingDataSource(DataSource driver, Duration recent, Duration networkTimeout) {
        this.driver = driver;
        this.lastFailure = new RecentFailure<>(recent);
        this.networkTimeoutMillis = Math.toIntExact(networkTimeout.toMillis());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return waitFor(driver::getConnection);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return waitFor(() -> driver.getConnection(username, password));
    }

    /** Ends any wait at its next attempt; for when the pool closes. */
    void stop() {
        stopped = true;
    }

    /** Why the server could not be reached, if an attempt failed within the last {@code recent}. */
    Optional<SQLException> recentFailure() {
        return lastFailure.get();
    }

    private interface Attempt {
        Connection connect() throws SQLException;
    }

    private Connection waitFor(Attempt attempt) throws SQLException {
        while (true) {
            try {
                Connection connection = attempt.connect();
                lastFailure.succeeded();
                try {
                    connection.setNetworkTimeout(Runnable::run, networkTimeoutMillis);
                } catch (SQLException | RuntimeException e) {
                    connection.close();
                    throw e;
                }
                return connection;
            } catch (SQLException e) {
                if (stopped || !isUnreachable(e)) {
                    throw e;
                }
                lastFailure.failed(e);
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException interrupted) {
                    // The pool is closing.
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * 08001 (cannot connect: refused, no route), 08006 (the connection failed while opening) and 57P03 (the server
     * is starting up): the server is not there yet. MariaDB Connector/J says 08000 for a socket it could not open
     * (pgjdbc never does). Anything else is an answer worth reporting at once.
     */
    private static boolean isUnreachable(SQLException failure) {
        String state = failure.getSQLState();
        return "08001".equals(state) || "08006".equals(state) || "57P03".equals(state) || "08000".equals(state);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }
}
