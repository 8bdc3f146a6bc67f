package io.conduithex.testsupport;

import com.google.inject.AbstractModule;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.testsupport.postgres.PostgresServer;
import io.conduithex.testsupport.postgres.PostgresTestDatabase;
import java.net.URI;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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
public final class PostgresApplicationExtension implements BeforeEachCallback, AfterEachCallback, ApplicationUnderTest {

    private final ApplicationLauncher launcher;
    private PostgresTestDatabase database;
    private RunningApplication application;

    public PostgresApplicationExtension(ApplicationLauncher launcher) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database = PostgresTestDatabase.create();
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
        if (application == null) {
            throw new IllegalStateException("no test is running");
        }
        return URI.create("http://127.0.0.1:" + application.port());
    }

    @Override
    public TestDatabase database() {
        if (database == null) {
            throw new IllegalStateException("no test is running");
        }
        return database;
    }
}
