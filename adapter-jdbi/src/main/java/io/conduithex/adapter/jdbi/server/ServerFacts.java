package io.conduithex.adapter.jdbi.server;

import io.conduithex.adapter.jdbi.values.Dialect;
import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

/**
 * What the database server is and what it allows, each fact asked the way its dialect answers it: the one reader
 * of server facts for {@code doctor}, the admin diagnostics and the check before migrating. One implementation per
 * dialect, chosen by {@link #of}; a third dialect adds its own. Stateless and thread-safe; every method runs one
 * query on the caller's handle.
 */
public interface ServerFacts {

    static ServerFacts of(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresServerFacts();
            case SQLITE -> new SqliteServerFacts();
            case MARIADB -> new MariaDbServerFacts();
        };
    }

    /** The product's name, such as {@code PostgreSQL}, {@code SQLite} or {@code MariaDB}. */
    String product();

    /** The server's version, such as {@code 17.2} or {@code 3.50.1}. */
    String version(Handle handle);

    /** Whether the connection is encrypted; empty where the question does not apply (a SQLite file). */
    Optional<Boolean> tlsInUse(Handle handle);

    /** The most connections the server accepts; empty where there is no such limit (SQLite). */
    OptionalInt maxConnections(Handle handle);

    /** Whether the server is a hot standby replaying a primary's WAL; empty where there is no such thing (SQLite). */
    default Optional<Boolean> inRecovery(Handle handle) {
        return Optional.empty();
    }

    /** The database's clock, in milliseconds since the epoch. */
    long clockMillis(Handle handle);

    /** Returns when this build can run on the server; throws {@link IllegalStateException} saying why not. */
    void requireSupported(Handle handle);
}
