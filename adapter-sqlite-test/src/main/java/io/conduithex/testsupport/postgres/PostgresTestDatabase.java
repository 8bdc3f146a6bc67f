package io.conduithex.testsupport.postgres;

import io.conduithex.testsupport.ServerTestDatabase;
import java.time.Duration;

/** A fresh, migrated PostgreSQL database on the {@link PostgresServer#shared() shared server}, dropped on close. */
public final class PostgresTestDatabase extends ServerTestDatabase<PostgresServer> {

    private PostgresTestDatabase(PostgresServer server, String url, Opened opened) {
        super(server, url, opened);
    }

    public static PostgresTestDatabase create() {
        return create(4, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public static PostgresTestDatabase create(int poolSize, Duration poolTimeout, Duration statementTimeout) {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase();
        return new PostgresTestDatabase(server, url, openOn(server, url, poolSize, poolTimeout, statementTimeout));
    }

    /**
     * A database whose text sorts by the rules of the ICU locale {@code icuLocale} (see
     * {@link PostgresServer#createDatabaseCollatedAs}), for suites whose results must not depend on how the
     * server's locale orders text.
     */
    public static PostgresTestDatabase createCollatedAs(String icuLocale) {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabaseCollatedAs(icuLocale);
        return new PostgresTestDatabase(server, url,
                openOn(server, url, 4, Duration.ofSeconds(5), Duration.ofSeconds(10)));
    }
}
