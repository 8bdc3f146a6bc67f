package io.conduithex.testsupport;

import com.google.inject.AbstractModule;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import java.net.URI;
import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stands the application up on a fresh, migrated database before each test and tears both down after it.
 * After each test the pool must have no active connection: a leaked connection fails the test. Subclasses say
 * which database.
 */
abstract class FreshDatabaseExtension<D extends TestDatabase> implements ApplicationExtension {

    private final ApplicationLauncher launcher;
    private D database;
    private RunningApplication application;

    FreshDatabaseExtension(ApplicationLauncher launcher) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    /** A new, migrated database, closed (and removed) by {@link TestDatabase#close()}. */
    abstract D createDatabase();

    @Override
    public final void beforeEach(ExtensionContext context) {
        database = createDatabase();
        var persistence = database.persistence();
        application = launcher.launch(new AbstractModule() {
            @Override
            protected void configure() {
                bind(JdbiPersistence.class).toInstance(persistence);
            }
        });
    }

    @Override
    public final void afterEach(ExtensionContext context) {
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
    public final URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public final int port() {
        if (application == null) {
            throw new IllegalStateException("no test is running");
        }
        return application.port();
    }

    @Override
    public final D database() {
        if (database == null) {
            throw new IllegalStateException("no test is running");
        }
        return database;
    }

    /** The database under the running application, for arranging and asserting state directly. */
    public final JdbiPersistence persistence() {
        return database().persistence();
    }

    public final String databaseUrl() {
        return database().url();
    }
}
