package io.conduithex.bootstrap.cli;

import io.conduithex.testsupport.SharedTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The seed command on a fresh database of the shared test PostgreSQL server, then of the MariaDB one. */
@ParameterizedClass
@EnumSource(names = {"POSTGRESQL", "MARIADB"})
class SeedCommandOnServerTest extends SeedCommandScenarios {
    private final SharedTestServer server;
    private String url;

    SeedCommandOnServerTest(CliDatabase kind) {
        this.server = kind.server();
    }

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
