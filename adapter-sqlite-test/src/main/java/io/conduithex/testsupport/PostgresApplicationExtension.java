package io.conduithex.testsupport;

import io.conduithex.testsupport.postgres.PostgresServer;
import io.conduithex.testsupport.postgres.PostgresTestDatabase;

/**
 * Stands the application up on a fresh, migrated PostgreSQL database (on the {@link PostgresServer#shared()
 * shared server}) before each test and tears both down after it, dropping the database. After each test the
 * pool must have no active connection: a leaked connection fails the test. The PostgreSQL twin of
 * {@link SqliteApplicationExtension}.
 *
 * <pre>{@code
 * @RegisterExtension
 * final PostgresApplicationExtension app =
 *         new PostgresApplicationExtension(overrides -> Conduit.start(config, overrides));
 * }</pre>
 */
public final class PostgresApplicationExtension extends FreshDatabaseExtension<PostgresTestDatabase> {

    public PostgresApplicationExtension(ApplicationLauncher launcher) {
        super(launcher);
    }

    @Override
    PostgresTestDatabase createDatabase() {
        return PostgresTestDatabase.create();
    }
}
