package io.conduithex.testsupport;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * A fresh, migrated database on a {@link SharedTestServer}, dropped on close: what the PostgreSQL and MariaDB test
 * databases share. The subclass creates the database on its server and opens it with {@link #openOn}.
 */
public abstract class ServerTestDatabase<S extends SharedTestServer> extends OpenTestDatabase {

    private final S server;

    protected ServerTestDatabase(S server, String url, Opened opened) {
        super(url, opened);
        this.server = server;
    }

    /**
     * Opens and migrates the persistence on the new database {@code url}, as the server's user; the database is
     * dropped again when that fails, so that a failed test leaves nothing behind.
     */
    protected static Opened openOn(SharedTestServer server, String url, int poolSize, Duration poolTimeout,
                                   Duration statementTimeout) {
        var settings = DatabaseSettings.forUrl(url).toBuilder()
                .credentials(server.user(), server.password())
                .poolSize(poolSize)
                .poolTimeout(poolTimeout)
                .statementTimeout(statementTimeout)
                .build();
        try {
            return openMigrated(settings);
        } catch (RuntimeException e) {
            server.dropDatabase(url);
            throw e;
        }
    }

    public S server() {
        return server;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), credentials());
    }

    /** The JDBC connection properties of a test's own connections: the server's user and password. */
    public Properties credentials() {
        return server.credentials();
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
