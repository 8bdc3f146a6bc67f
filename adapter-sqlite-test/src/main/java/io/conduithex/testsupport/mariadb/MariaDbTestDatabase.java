package io.conduithex.testsupport.mariadb;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.testsupport.OpenTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/** A fresh, migrated MariaDB database on the {@link MariaDbServer#shared() shared server}, dropped on close. */
public final class MariaDbTestDatabase extends OpenTestDatabase {

    /**
     * The session of the test's own connections ({@link #connect()}): strict and in UTC like the application's,
     * and with {@code ||} as string concatenation, as the SQL the contract suites check rows with is written for
     * every dialect.
     */
    private static final String TEST_SESSION = "sql_mode='STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
            + "NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION,PIPES_AS_CONCAT',time_zone='+00:00'";

    private final MariaDbServer server;

    private MariaDbTestDatabase(MariaDbServer server, String url, Opened opened) {
        super(url, opened);
        this.server = server;
    }

    public static MariaDbTestDatabase create() {
        return create(4, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public static MariaDbTestDatabase create(int poolSize, Duration poolTimeout, Duration statementTimeout) {
        MariaDbServer server = MariaDbServer.shared();
        String url = server.createDatabase();
        var settings = DatabaseSettings.forUrl(url).toBuilder()
                .credentials(server.user(), server.password())
                .poolSize(poolSize)
                .poolTimeout(poolTimeout)
                .statementTimeout(statementTimeout)
                .build();
        try {
            return new MariaDbTestDatabase(server, url, openMigrated(settings));
        } catch (RuntimeException e) {
            server.dropDatabase(url);
            throw e;
        }
    }

    public MariaDbServer server() {
        return server;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), credentials());
    }

    /** The server's user and password, and the test session, as JDBC connection properties. */
    public Properties credentials() {
        Properties properties = server.credentials();
        properties.setProperty("sessionVariables", TEST_SESSION);
        return properties;
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
