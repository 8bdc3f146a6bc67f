package io.conduithex.testsupport.kit;

import io.conduithex.testsupport.LeakCheck;
import io.conduithex.testsupport.TestDatabase;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, migrated database for each test, without the application: opened before each test (before the test's
 * own {@code @BeforeEach} methods), and after it checked for leaked connections and closed. The leak check is
 * {@link LeakCheck}'s, as for {@link io.conduithex.testsupport.SqliteApplicationExtension}.
 *
 * <pre>{@code
 * @RegisterExtension
 * final DatabasePerTest<PostgresTestDatabase> fresh = new DatabasePerTest<>(PostgresTestDatabase::create);
 * }</pre>
 */
public final class DatabasePerTest<D extends TestDatabase> implements BeforeEachCallback, AfterEachCallback {

    private final Supplier<D> opener;
    private D database;

    public DatabasePerTest(Supplier<D> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database = opener.get();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeChecked(database);
        database = null;
    }

    /** The database of the running test. */
    public D database() {
        if (database == null) {
            throw new IllegalStateException("no test is running");
        }
        return database;
    }

    /** Fails if a connection is still lent out, and closes {@code database} in any case. Null is ignored. */
    public static void closeChecked(TestDatabase database) {
        if (database == null) {
            return;
        }
        try {
            LeakCheck.assertNoActiveConnections(database.persistence());
        } finally {
            database.close();
        }
    }
}
