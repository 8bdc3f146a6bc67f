package io.conduithex.bootstrap.cli;

import io.conduithex.testsupport.SharedTestServer;
import io.conduithex.testsupport.mariadb.MariaDbServer;
import io.conduithex.testsupport.postgres.PostgresServer;
import java.util.function.Supplier;

/**
 * The databases the command line is tested on, for tests written once and run on each ({@code @EnumSource}): a SQLite
 * file, or a database on the shared PostgreSQL or MariaDB test server, which starts on first use.
 */
public enum CliDatabase {
    SQLITE("jdbc:sqlite:", null),
    POSTGRESQL("jdbc:postgresql://", PostgresServer::shared),
    MARIADB("jdbc:mariadb://", MariaDbServer::shared);

    private final String urlScheme;
    private final Supplier<SharedTestServer> server;

    CliDatabase(String urlScheme, Supplier<SharedTestServer> server) {
        this.urlScheme = urlScheme;
        this.server = server;
    }

    /** The JDBC URL's beginning, up to the host on a server. */
    public String urlScheme() {
        return urlScheme;
    }

    /** The shared test server of this kind. */
    public SharedTestServer server() {
        if (server == null) {
            throw new IllegalStateException(this + " has no server");
        }
        return server.get();
    }
}
