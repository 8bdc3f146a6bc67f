package io.conduithex.testsupport.postgres;

import io.conduithex.adapter.jdbi.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.testsupport.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;

/** A fresh, migrated PostgreSQL database on the {@link PostgresServer#shared() shared server}, dropped on close. */
public final class PostgresTestDatabase implements TestDatabase {

    private final PostgresServer server;
    private final String url;
    private final JdbiPersistence persistence;

    private PostgresTestDatabase(PostgresServer server, String url, JdbiPersistence persistence) {
        this.server = server;
        this.url = url;
        this.persistence = persistence;
    }

    public static PostgresTestDatabase create() {
        return create(4, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public static PostgresTestDatabase create(int poolSize, Duration poolTimeout, Duration statementTimeout) {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase();
        var settings = DatabaseSettings.forUrl(url)
                .withCredentials(server.user(), server.password())
                .withPoolSize(poolSize)
                .withPoolTimeout(poolTimeout)
                .withStatementTimeout(statementTimeout);
        JdbiPersistence persistence = JdbiPersistence.open(settings, new SimpleMeterRegistry());
        try {
            persistence.migrate();
        } catch (RuntimeException e) {
            persistence.close();
            server.dropDatabase(url);
            throw e;
        }
        return new PostgresTestDatabase(server, url, persistence);
    }

    public PostgresServer server() {
        return server;
    }

    @Override
    public JdbiPersistence persistence() {
        return persistence;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void close() {
        try {
            persistence.close();
        } finally {
            server.dropDatabase(url);
        }
    }
}
