package io.conduithex.bootstrap.cli;

import io.conduithex.testsupport.postgres.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The seed command on a fresh database of the shared test PostgreSQL server. */
class SeedCommandOnPostgresTest extends SeedCommandScenarios {
    private final PostgresServer server = PostgresServer.shared();
    private String url;

    @BeforeEach
    void createDatabase() {
        url = server.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        server.dropDatabase(url);
    }

    @Override
    protected String databaseUrl() {
        return url;
    }

    @Override
    protected String databaseUser() {
        return server.user();
    }

    @Override
    protected String databasePassword() {
        return server.password();
    }
}
