package io.conduithex.adapter.jdbi.setup;

import io.conduithex.adapter.jdbi.values.Dialect;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import io.conduithex.adapter.jdbi.pool.Pool;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * Reads what an operator checks before trusting a database: that it answers, which server it is, whether the
 * connection is encrypted, how many connections it allows and whether its clock agrees with ours. Each call
 * borrows one pooled connection and gives it back. Thread-safe.
 */
public final class ServerProbe {

    private final Pool pool;
    private final Dialect dialect;

    public ServerProbe(Pool pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
    }

    /** Runs a trivial query and returns how long the round trip took, connection included. */
    public Duration ping() {
        long began = System.nanoTime();
        withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** The product and version, such as {@code PostgreSQL 17.2} or {@code SQLite 3.50.1}. */
    public String serverVersion() {
        String sql = switch (dialect) {
            case POSTGRESQL -> "SELECT current_setting('server_version')";
            case SQLITE -> "SELECT sqlite_version()";
        };
        String version = withHandle(handle -> handle.createQuery(sql).mapTo(String.class).one());
        return (dialect == Dialect.POSTGRESQL ? "PostgreSQL " : "SQLite ") + version;
    }

    /** Whether this connection is encrypted; empty where the question does not apply (a SQLite file). */
    public Optional<Boolean> tlsInUse() {
        if (dialect != Dialect.POSTGRESQL) {
            return Optional.empty();
        }
        return Optional.of(withHandle(handle -> handle
                .createQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                .mapTo(Boolean.class).findOne().orElse(false)));
    }

    /** The server's {@code max_connections}; empty where there is no such limit (SQLite). */
    public OptionalInt maxConnections() {
        if (dialect != Dialect.POSTGRESQL) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(withHandle(handle -> handle
                .createQuery("SELECT current_setting('max_connections')::int").mapTo(Integer.class).one()));
    }

    /**
     * The database's clock minus this JVM's: positive when the database is ahead. The JVM's reading is taken
     * half way through the round trip, so network latency does not count as skew.
     */
    public Duration clockOffset() {
        String sql = switch (dialect) {
            case POSTGRESQL -> "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint";
            case SQLITE -> "SELECT CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)";
        };
        return withHandle(handle -> {
            var query = handle.createQuery(sql);
            long before = System.currentTimeMillis();
            long databaseMillis = query.mapTo(Long.class).one();
            long after = System.currentTimeMillis();
            return Duration.ofMillis(databaseMillis - (before + after) / 2);
        });
    }

    /** Through the pool's own lending, so that a connection failure carries its reason (see Pool#open). */
    private <R> R withHandle(HandleCallback<R, RuntimeException> callback) {
        try (Handle handle = pool.open()) {
            return callback.withHandle(handle);
        }
    }
}
