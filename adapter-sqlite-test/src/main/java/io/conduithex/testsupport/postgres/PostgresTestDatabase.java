package io.conduithex.testsupport.postgres;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.testsupport.OpenTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/** A fresh, migrated PostgreSQL database on the {@link PostgresServer#shared() shared server}, dropped on close. */
public final class PostgresTestDatabase extends OpenTestDatabase {

    private final PostgresServer server;

    private PostgresTestDatabase(PostgresServer server, String url, Opened opened) {
        super(url, opened);
        this.server = server;
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
        var settings = DatabaseSettings.forUrl(url).toBuilder()
                .credentials(server.user(), server.password())
                .poolSize(poolSize)
                .poolTimeout(poolTimeout)
                .statementTimeout(statementTimeout)
                .build();
        try {
            return new PostgresTestDatabase(server, url, openMigrated(settings));
        } catch (RuntimeException e) {
            server.dropDatabase(url);
            throw e;
        }
    }

    public PostgresServer server() {
        return server;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), credentials());
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
    public void close() {
        try {
            persistence().close();
        } finally {
            server.dropDatabase(url());
        }
    }
}
