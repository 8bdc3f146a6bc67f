package io.conduithex.adapter.jdbi;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach and pool the database. The dialect follows from the JDBC URL ({@code jdbc:sqlite:} or
 * {@code jdbc:postgresql:}). {@link #toString()} masks the password.
 *
 * @param url              JDBC URL
 * @param user             user name, or null when the URL or the driver provides it
 * @param password         password, or null
 * @param poolSize         maximum connections (on SQLite: readers; writes always go through one connection)
 * @param poolTimeout      how long a unit of work waits for a connection before the database counts as unavailable
 * @param maxLifetime      how long a pooled connection lives before it is replaced
 * @param statementTimeout how long one statement may run before the database cancels it
 * @param applicationName  the name the database shows for these connections (PostgreSQL {@code application_name})
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration poolTimeout,
                               Duration maxLifetime, Duration statementTimeout, String applicationName) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(poolTimeout, "poolTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(statementTimeout, "statementTimeout");
        Objects.requireNonNull(applicationName, "applicationName");
        Dialect.fromUrl(url);
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        if (poolTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("poolTimeout must be at least 250 ms (HikariCP's minimum), was "
                    + poolTimeout.toMillis() + " ms");
        }
        if (maxLifetime.toMillis() < 30_000) {
            throw new IllegalArgumentException("maxLifetime must be at least 30000 ms (HikariCP's minimum), was "
                    + maxLifetime.toMillis() + " ms");
        }
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statementTimeout must be positive, was " + statementTimeout);
        }
    }

    /** Settings with defaults for everything but the URL; for tests and tools. */
    public static DatabaseSettings forUrl(String url) {
        return new DatabaseSettings(url, null, null, DEFAULT_POOL_SIZE, DEFAULT_POOL_TIMEOUT, DEFAULT_MAX_LIFETIME,
                DEFAULT_STATEMENT_TIMEOUT, "conduit");
    }

    public DatabaseSettings withCredentials(String newUser, String newPassword) {
        return new DatabaseSettings(url, newUser, newPassword, poolSize, poolTimeout, maxLifetime, statementTimeout,
                applicationName);
    }

    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(url, user, password, size, poolTimeout, maxLifetime, statementTimeout,
                applicationName);
    }

    public DatabaseSettings withPoolTimeout(Duration timeout) {
        return new DatabaseSettings(url, user, password, poolSize, timeout, maxLifetime, statementTimeout,
                applicationName);
    }

    public DatabaseSettings withStatementTimeout(Duration timeout) {
        return new DatabaseSettings(url, user, password, poolSize, poolTimeout, maxLifetime, timeout,
                applicationName);
    }

    public Dialect dialect() {
        return Dialect.fromUrl(url);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + JdbcUrls.masked(url) + ", user=" + user
                + ", password=" + (password == null ? "<none>" : "****") + ", poolSize=" + poolSize
                + ", poolTimeout=" + poolTimeout.toMillis() + "ms, maxLifetime=" + maxLifetime.toMillis()
                + "ms, statementTimeout=" + statementTimeout.toMillis() + "ms, applicationName=" + applicationName + "]";
    }
}
