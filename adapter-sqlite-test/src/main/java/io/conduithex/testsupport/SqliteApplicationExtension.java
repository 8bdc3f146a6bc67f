package io.conduithex.testsupport;

import java.util.Objects;

/**
 * Stands the application up on a fresh, migrated SQLite database before each test and tears both down
 * after it. After each test the pool must have no active connection: a leaked connection fails the test.
 *
 * <pre>{@code
 * @RegisterExtension
 * final SqliteApplicationExtension app = new SqliteApplicationExtension(overrides -> Conduit.start(config, overrides));
 * }</pre>
 */
public final class SqliteApplicationExtension extends FreshDatabaseExtension<SqliteTestDatabase> {

    private final SqliteTestDatabase.Options options;

    public SqliteApplicationExtension(ApplicationLauncher launcher) {
        this(launcher, SqliteTestDatabase.Options.DEFAULTS);
    }

    public SqliteApplicationExtension(ApplicationLauncher launcher, SqliteTestDatabase.Options options) {
        super(launcher);
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    SqliteTestDatabase createDatabase() {
        return SqliteTestDatabase.create(options);
    }
}
