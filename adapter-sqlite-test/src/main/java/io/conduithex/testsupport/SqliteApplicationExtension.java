package io.conduithex.testsupport;

import com.google.inject.AbstractModule;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import java.net.URI;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stands the application up on a fresh, migrated SQLite database before each test and tears both down
 * after it. After each test the pool must have no active connection: a leaked connection fails the test.
 *
 * <pre>{@code
 * @RegisterExtension
 * final SqliteApplicationExtension app = new SqliteApplicationExtension(overrides -> Conduit.start(config, overrides));
 * }</pre>
 */
public final class SqliteApplicationExtension implements BeforeEachCallback, AfterEachCallback, ApplicationUnderTest {

    private final ApplicationLauncher launcher;
    private final SqliteTestDatabase.Options options;
    private SqliteTestDatabase database;
    private RunningApplication application;

    public SqliteApplicationExtension(ApplicationLauncher launcher) {
        this(launcher, SqliteTestDatabase.Options.DEFAULTS);
    }

    public SqliteApplicationExtension(ApplicationLauncher launcher, SqliteTestDatabase.Options options) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database = SqliteTestDatabase.create(options);
        var persistence = database.persistence();
        application = launcher.launch(new AbstractModule() {
            @Override
            protected void configure() {
                bind(JdbiPersistence.class).toInstance(persistence);
            }
        });
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            if (application != null) {
                application.close();
            }
            if (database != null) {
                LeakCheck.assertNoActiveConnections(database.persistence());
            }
        } finally {
            if (database != null) {
                database.close();
            }
            application = null;
            database = null;
        }
    }

    @Override
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + application().port());
    }

    public int port() {
        return application().port();
    }

    /** The database under the running application, for arranging and asserting state directly. */
    public JdbiPersistence persistence() {
        if (database == null) {
            throw new IllegalStateException("no test is running");
        }
        return database.persistence();
    }

    @Override
    public TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("no test is running");
        }
        return database;
    }

    public String databaseUrl() {
        if (database == null) {
            throw new IllegalStateException("no test is running");
        }
        return database.url();
    }

    private RunningApplication application() {
        if (application == null) {
            throw new IllegalStateException("no test is running");
        }
        return application;
    }
}
