package io.conduithex.adapter.jdbi.values;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach and pool the database. The dialect follows from the JDBC URL ({@code jdbc:sqlite:},
 * {@code jdbc:postgresql:} or {@code jdbc:mariadb:}). {@link #toString()} masks the password.
 *
 * @param url              JDBC URL
 * @param user             user name, or null when the URL or the driver provides it
 * @param password         password, or null
 * @param poolSize         maximum connections (on SQLite: readers; writes always go through one connection)
 * @param poolTimeout      how long a unit of work waits for a connection before the database counts as unavailable
 * @param maxLifetime      how long a pooled connection lives before it is replaced
 * @param statementTimeout how long one statement may run before the database cancels it
 * @param applicationName  the name the database shows for these connections (PostgreSQL {@code application_name},
 *                         MariaDB's {@code program_name} connection attribute)
 * @param longTransaction  a unit of work open longer than this is logged and counted as long
 * @param leakDetection    a connection lent out longer than this is reported by HikariCP as a possible leak;
 *                         zero turns the check off
 * @param slowStatement    a statement running longer than this is logged and counted as slow
 * @param migrationUser    the user migrations run as (PostgreSQL, MariaDB), or null to use {@code user}; lets the
 *                         application's own role be one that cannot create or drop tables
 * @param migrationPassword the password of {@code migrationUser}, or null
 * @param pooler           what the URL reaches: the server, or PgBouncer in transaction mode (PostgreSQL)
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration poolTimeout,
                               Duration maxLifetime, Duration statementTimeout, String applicationName,
                               Duration longTransaction, Duration leakDetection, Duration slowStatement,
                               String migrationUser, String migrationPassword, Pooler pooler) {

    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_POOL_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LONG_TRANSACTION = Duration.ofSeconds(5);
    public static final Duration DEFAULT_LEAK_DETECTION = Duration.ofMinutes(1);
    public static final Duration DEFAULT_SLOW_STATEMENT = Duration.ofMillis(500);
    /** HikariCP ignores a leak detection threshold below this. */
    public static final Duration MIN_LEAK_DETECTION = Duration.ofSeconds(2);

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(leakDetection, "leakDetection");
        Objects.requireNonNull(pooler, "pooler");
        if (pooler != Pooler.NONE && Dialect.fromUrl(url) != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("a connection pooler sits in front of PostgreSQL only");
        }
        requirePositive(slowStatement, "slowStatement");
        Dialect.fromUrl(url);
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        requireHikariMinimum(poolTimeout, 250, "poolTimeout");
        requireHikariMinimum(maxLifetime, 30_000, "maxLifetime");
        requirePositive(statementTimeout, "statementTimeout");
        requirePositive(longTransaction, "longTransaction");
        if (!leakDetection.isZero()
                && (leakDetection.compareTo(MIN_LEAK_DETECTION) < 0 || leakDetection.compareTo(maxLifetime) > 0)) {
            throw new IllegalArgumentException("leakDetection must be 0 (off) or between "
                    + MIN_LEAK_DETECTION.toMillis() + " ms and maxLifetime (HikariCP's limits), was "
                    + leakDetection.toMillis() + " ms");
        }
    }

    private static void requireHikariMinimum(Duration duration, long minimumMillis, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.toMillis() < minimumMillis) {
            throw new IllegalArgumentException(name + " must be at least " + minimumMillis
                    + " ms (HikariCP's minimum), was " + duration.toMillis() + " ms");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    /** Settings with defaults for everything but the URL; for tests and tools. */
    public static DatabaseSettings forUrl(String url) {
        return new DatabaseSettings(url, null, null, DEFAULT_POOL_SIZE, DEFAULT_POOL_TIMEOUT, DEFAULT_MAX_LIFETIME,
                DEFAULT_STATEMENT_TIMEOUT, "conduit", DEFAULT_LONG_TRANSACTION, DEFAULT_LEAK_DETECTION,
                DEFAULT_SLOW_STATEMENT, null, null, Pooler.NONE);
    }

    /** A builder that starts from these settings: the one way to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Changes some settings of a copy; {@link #build()} validates the result like the constructor does. Not
     * thread-safe; use it where it was made.
     */
    public static final class Builder {
        private final DatabaseSettings from;
        private String url;
        private Pooler pooler;
        private String user;
        private String password;
        private int poolSize;
        private Duration poolTimeout;
        private Duration statementTimeout;
        private Duration longTransaction;
        private Duration leakDetection;
        private String applicationName;

        private Builder(DatabaseSettings from) {
            this.from = from;
            this.url = from.url;
            this.pooler = from.pooler;
            this.user = from.user;
            this.password = from.password;
            this.poolSize = from.poolSize;
            this.poolTimeout = from.poolTimeout;
            this.statementTimeout = from.statementTimeout;
            this.longTransaction = from.longTransaction;
            this.leakDetection = from.leakDetection;
            this.applicationName = from.applicationName;
        }

        /** Another server (a replica) reached the same way. */
        public Builder url(String newUrl) {
            this.url = newUrl;
            return this;
        }

        /** The name these connections show the database: two instances on one server told apart. */
        public Builder applicationName(String name) {
            this.applicationName = name;
            return this;
        }

        public Builder pooler(Pooler newPooler) {
            this.pooler = newPooler;
            return this;
        }

        public Builder credentials(String newUser, String newPassword) {
            this.user = newUser;
            this.password = newPassword;
            return this;
        }

        public Builder poolSize(int size) {
            this.poolSize = size;
            return this;
        }

        public Builder poolTimeout(Duration timeout) {
            this.poolTimeout = timeout;
            return this;
        }

        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = timeout;
            return this;
        }

        public Builder longTransaction(Duration threshold) {
            this.longTransaction = threshold;
            return this;
        }

        /** Zero turns HikariCP's leak detection off. */
        public Builder leakDetection(Duration threshold) {
            this.leakDetection = threshold;
            return this;
        }

        public DatabaseSettings build() {
            return new DatabaseSettings(url, user, password, poolSize, poolTimeout, from.maxLifetime,
                    statementTimeout, applicationName, longTransaction, leakDetection, from.slowStatement,
                    from.migrationUser, from.migrationPassword, pooler);
        }
    }

    /**
     * How long the driver waits for any answer from the server before it gives the connection up: longer than
     * the statement timeout, so that the server cancels a merely slow statement first and the connection
     * survives, by half the pool timeout (at most a second), so that waiting for a connection and then for a
     * silent server together stay within the pool timeout plus the statement timeout.
     */
    public Duration socketTimeout() {
        Duration grace = poolTimeout.dividedBy(2);
        return statementTimeout.plus(grace.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : grace);
    }

    public Dialect dialect() {
        return Dialect.fromUrl(url);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + JdbcUrls.masked(url) + ", user=" + user
                + ", password=" + (password == null ? "<none>" : "****") + ", poolSize=" + poolSize
                + ", poolTimeout=" + poolTimeout.toMillis() + "ms, maxLifetime=" + maxLifetime.toMillis()
                + "ms, statementTimeout=" + statementTimeout.toMillis() + "ms, applicationName=" + applicationName
                + ", longTransaction=" + longTransaction.toMillis() + "ms, leakDetection=" + leakDetection.toMillis()
                + "ms, slowStatement=" + slowStatement.toMillis() + "ms, migrationUser=" + migrationUser
                + ", migrationPassword=" + (migrationPassword == null ? "<none>" : "****") + ", pooler=" + pooler
                + "]";
    }
}
