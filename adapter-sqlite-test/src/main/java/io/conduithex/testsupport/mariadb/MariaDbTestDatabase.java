package io.conduithex.testsupport.mariadb;

import io.conduithex.testsupport.ServerTestDatabase;
import java.time.Duration;
import java.util.Properties;

/** A fresh, migrated MariaDB database on the {@link MariaDbServer#shared() shared server}, dropped on close. */
public final class MariaDbTestDatabase extends ServerTestDatabase<MariaDbServer> {

    /**
     * The session of the test's own connections ({@link #connect()}): strict and in UTC like the application's,
     * and with {@code ||} as string concatenation, as the SQL the contract suites check rows with is written for
     * every dialect.
     */
    private static final String TEST_SESSION = "sql_mode='STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
            + "NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION,PIPES_AS_CONCAT',time_zone='+00:00'";

    private MariaDbTestDatabase(MariaDbServer server, String url, Opened opened) {
        super(server, url, opened);
    }

    public static MariaDbTestDatabase create() {
        return create(4, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public static MariaDbTestDatabase create(int poolSize, Duration poolTimeout, Duration statementTimeout) {
        MariaDbServer server = MariaDbServer.shared();
        String url = server.createDatabase();
        return new MariaDbTestDatabase(server, url, openOn(server, url, poolSize, poolTimeout, statementTimeout));
    }

    /** The server's user and password, and the test session, as JDBC connection properties. */
    @Override
    public Properties credentials() {
        Properties properties = super.credentials();
        properties.setProperty("sessionVariables", TEST_SESSION);
        return properties;
    }
}
