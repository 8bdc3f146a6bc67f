package io.conduithex.adapter.jdbi.server;

import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

/** SQLite's facts: a library in this process, so no encryption in transit and no connection limit. */
final class SqliteServerFacts implements ServerFacts {

    @Override
    public String product() {
        return "SQLite";
    }

    @Override
    public String version(Handle handle) {
        return handle.createQuery("SELECT sqlite_version()").mapTo(String.class).one();
    }

    @Override
    public Optional<Boolean> tlsInUse(Handle handle) {
        return Optional.empty();
    }

    @Override
    public OptionalInt maxConnections(Handle handle) {
        return OptionalInt.empty();
    }

    @Override
    public long clockMillis(Handle handle) {
        return handle.createQuery("SELECT CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)")
                .mapTo(Long.class).one();
    }

    /** Any SQLite the driver bundles will do. */
    @Override
    public void requireSupported(Handle handle) {
    }
}
