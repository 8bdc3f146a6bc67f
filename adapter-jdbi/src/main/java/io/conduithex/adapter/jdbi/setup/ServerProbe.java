package io.conduithex.adapter.jdbi.setup;

import io.conduithex.adapter.jdbi.pool.Pool;
import io.conduithex.adapter.jdbi.server.ServerFacts;
import io.conduithex.adapter.jdbi.values.Dialect;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * Reads what an operator checks before trusting a database: that it answers, which server it is, whether the
 * connection is encrypted, how many connections it allows and whether its clock agrees with ours, each fact as
 * {@link ServerFacts} reads it. Each call borrows one pooled connection and gives it back. Thread-safe.
 */
public final class ServerProbe {

    private final Pool pool;
    private final ServerFacts facts;

    public ServerProbe(Pool pool, Dialect dialect) {
        this.pool = pool;
        this.facts = ServerFacts.of(dialect);
    }

    /** Runs a trivial query and returns how long the round trip took, connection included. */
    public Duration ping() {
        long began = System.nanoTime();
        withHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** The product and version, such as {@code PostgreSQL 17.2} or {@code SQLite 3.50.1}. */
    public String serverVersion() {
        return facts.product() + " " + withHandle(facts::version);
    }

    /** Whether this connection is encrypted; empty where the question does not apply (a SQLite file). */
    public Optional<Boolean> tlsInUse() {
        return withHandle(facts::tlsInUse);
    }

    /** The server's {@code max_connections}; empty where there is no such limit (SQLite). */
    public OptionalInt maxConnections() {
        return withHandle(facts::maxConnections);
    }

    /** Whether the server is a hot standby; empty where the question does not apply (SQLite). */
    public Optional<Boolean> inRecovery() {
        return withHandle(facts::inRecovery);
    }

    /**
     * The database's clock minus this JVM's: positive when the database is ahead. The JVM's reading is taken
     * half way through the round trip, so network latency does not count as skew.
     */
    public Duration clockOffset() {
        return withHandle(handle -> {
            long before = System.currentTimeMillis();
            long databaseMillis = facts.clockMillis(handle);
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
