package io.conduithex.adapter.jdbi.server;

import java.util.Optional;
import java.util.OptionalInt;
import org.jdbi.v3.core.Handle;

/** PostgreSQL's facts, from its settings and statistics views. */
final class PostgresServerFacts implements ServerFacts {
    /**
     * Finding out what became of a lost COMMIT needs {@code pg_current_xact_id_if_assigned()} and
     * {@code pg_xact_status()}, which PostgreSQL 13 introduced; without them every write would fail.
     */
    static final int MINIMUM_VERSION_NUM = 130_000;

    @Override
    public String product() {
        return "PostgreSQL";
    }

    @Override
    public String version(Handle handle) {
        return handle.createQuery("SELECT current_setting('server_version')").mapTo(String.class).one();
    }

    @Override
    public Optional<Boolean> tlsInUse(Handle handle) {
        return Optional.of(handle.createQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                .mapTo(Boolean.class).findOne().orElse(false));
    }

    @Override
    public Optional<Boolean> inRecovery(Handle handle) {
        return Optional.of(handle.createQuery("SELECT pg_is_in_recovery()").mapTo(Boolean.class).one());
    }

    @Override
    public OptionalInt maxConnections(Handle handle) {
        return OptionalInt.of(handle.createQuery("SELECT current_setting('max_connections')::int")
                .mapTo(Integer.class).one());
    }

    @Override
    public long clockMillis(Handle handle) {
        return handle.createQuery("SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint")
                .mapTo(Long.class).one();
    }

    /** Refuses a server older than 13 (see {@link #MINIMUM_VERSION_NUM}). */
    @Override
    public void requireSupported(Handle handle) {
        int version = handle.createQuery("SELECT current_setting('server_version_num')::int").mapTo(Integer.class).one();
        if (version < MINIMUM_VERSION_NUM) {
            throw new IllegalStateException("PostgreSQL 13 or later is required; the server runs " + version(handle));
        }
    }
}
