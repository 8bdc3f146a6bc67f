package io.conduithex.testsupport;

import io.conduithex.testsupport.mariadb.MariaDbServer;
import io.conduithex.testsupport.mariadb.MariaDbTestDatabase;

/**
 * Stands the application up on a fresh, migrated MariaDB database (on the {@link MariaDbServer#shared() shared
 * server}) before each test and tears both down after it, dropping the database. After each test the pool must
 * have no active connection: a leaked connection fails the test. The MariaDB twin of
 * {@link SqliteApplicationExtension} and {@link PostgresApplicationExtension}.
 */
public final class MariaDbApplicationExtension extends FreshDatabaseExtension<MariaDbTestDatabase> {

    public MariaDbApplicationExtension(ApplicationLauncher launcher) {
        super(launcher);
    }

    @Override
    MariaDbTestDatabase createDatabase() {
        return MariaDbTestDatabase.create();
    }
}
