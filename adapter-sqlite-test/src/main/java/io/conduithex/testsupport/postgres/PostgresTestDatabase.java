package io.conduithex.testsupport.postgres;

import io.conduithex.adapter.jdbi.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/** A fresh, migrated PostgreSQL database on the {@link PostgresServer#shared() shared server}, dropped on close. */
public final class PostgresTestDatabase implements TestDatabase {

    private final PostgresServer server;
    private final String url;
    private final JdbiPersistence persistence;
    private final MeterRegistry meters;

    private PostgresTestDatabase(PostgresServer server, String url, JdbiPersistence persistence,
                                 MeterRegistry meters) {
        this.server = server;
        this.url = url;
        this.persistence = persistence;
        this.meters = meters;
    }

    public static PostgresTestDatabase create() {
        return create(4, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public static PostgresTestDatabase create(int poolSize, Duration poolTimeout, Duration statementTimeout) {
        PostgresServer server = PostgresServer.shared();
        return open(server, server.createDatabase(), poolSize, poolTimeout, statementTimeout);
    }

    /**
     * A database whose text sorts by the rules of the ICU locale {@code icuLocale} (see
     * {@link PostgresServer#createDatabaseCollatedAs}), for suites whose results must not depend on how the
     * server's locale orders text.
     */
    public static PostgresTestDatabase createCollatedAs(String icuLocale) {
        PostgresServer server = PostgresServer.shared();
        return open(server, server.createDatabaseCollatedAs(icuLocale), 4, Duration.ofSeconds(5),
                Duration.ofSeconds(10));
    }

    private static PostgresTestDatabase open(PostgresServer server, String url, int poolSize, Duration poolTimeout,
                                             Duration statementTimeout) {
        var settings = DatabaseSettings.forUrl(url)
                .withCredentials(server.user(), server.password())
                .withPoolSize(poolSize)
                .withPoolTimeout(poolTimeout)
                .withStatementTimeout(statementTimeout);
        var meters = new SimpleMeterRegistry();
        JdbiPersistence persistence = JdbiPersistence.open(settings, meters);
        try {
            persistence.migrate();
        } catch (RuntimeException e) {
            persistence.close();
            server.dropDatabase(url);
            throw e;
        }
        return new PostgresTestDatabase(server, url, persistence, meters);
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
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, credentials());
    }

    /** The server's user and password as JDBC connection properties, for connections of a test's own. */
    public Properties credentials() {
        Properties credentials = new Properties();
        if (server.user() != null) {
            credentials.setProperty("user", server.user());
        }
        if (server.password() != null) {
            credentials.setProperty("password", server.password());
        }
        return credentials;
    }

    @Override
    public MeterRegistry meters() {
        return meters;
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
