package io.conduithex.testsupport.postgres;

import static io.conduithex.testsupport.SqlFailures.execute;
import static io.conduithex.testsupport.SqlFailures.failureOf;
import static io.conduithex.testsupport.SqlFailures.insertUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.conduithex.testsupport.OppositeLockOrder;
import io.conduithex.testsupport.kit.DatabasePerTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL classifier judged on the failures that concurrent sessions and lost connections really raise:
 * a deadlock, a serialization failure, a session ended under a transaction. The twin of
 * {@link PostgresErrorClassifierTest}, which covers constraints, bugs and refused connections.
 */
class PostgresTransientErrorClassifierTest {

    /** Every wait on the server ends by this, whatever goes wrong in a test. */
    private static final int SAFETY_STATEMENT_TIMEOUT_MS = 20_000;
    private static final long WAIT_SECONDS = 30;

    @RegisterExtension
    final DatabasePerTest<PostgresTestDatabase> fresh = new DatabasePerTest<>(PostgresTestDatabase::create);
    private PostgresTestDatabase database;
    private SqlErrorClassifier classifier;

    @BeforeEach
    void useTheFreshDatabase() {
        database = fresh.database();
        classifier = database.persistence().classifier();
    }

    @Test
    void twoTransactionsLockingRowsInOppositeOrderDeadlockAndTheVictimIsTransient() throws Exception {
        long jake;
        long jane;
        try (Connection c = connect()) {
            jake = insertUser(c, "jake@example.com", "jake");
            jane = insertUser(c, "jane@example.com", "jane");
        }
        try (Connection first = connect(); Connection second = connect()) {
            shortenDeadlockTimeout(first);
            shortenDeadlockTimeout(second);
            List<SQLException> failures = OppositeLockOrder.failures(first, second, jake, jane);

            assertThat(failures).as("the server aborts exactly one of the two").hasSize(1);
            assertThat(classifier.classify(failures.get(0), Phase.WORK)).isInstanceOfSatisfying(
                    TransientPersistenceException.class, t -> assertThat(t.reason()).isEqualTo(Cause.DEADLOCK));
        }
    }

    @Test
    void aLockNotGrantedWithinLockTimeoutIsTransientAndBusy() throws Exception {
        long jake;
        try (Connection c = connect()) {
            jake = insertUser(c, "jake@example.com", "jake");
        }
        try (Connection holder = connect(); Connection waiter = connect()) {
            holder.setAutoCommit(false);
            execute(holder, "UPDATE users SET bio = 'held' WHERE id = " + jake);
            execute(waiter, "SET lock_timeout = '100ms'");

            SQLException failure = failureOf(
                    () -> execute(waiter, "UPDATE users SET bio = 'waited' WHERE id = " + jake));

            assertThat(failure.getSQLState()).isEqualTo("55P03");
            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOfSatisfying(
                    TransientPersistenceException.class, t -> assertThat(t.reason()).isEqualTo(Cause.BUSY));
            holder.rollback();
        }
    }

    @Test
    void serializableTransactionsWithAWriteSkewFailWithATransientSerializationFailure()
            throws SQLException {
        // Each counts the users, then adds one: run one after the other, the second would have counted one more.
        try (Connection first = connect(); Connection second = connect()) {
            for (Connection c : List.of(first, second)) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            }
            countUsers(first);
            countUsers(second);
            insertUser(first, "jake@example.com", "jake");

            SQLException failure = failureOf(() -> {
                insertUser(second, "jane@example.com", "jane");
                first.commit();
                second.commit();
            });
            first.rollback();
            second.rollback();

            assertThat(failure.getSQLState()).isEqualTo("40001");
            // Refused, never stored: a serialization failure is transient even when COMMIT reports it.
            for (Phase phase : List.of(Phase.WORK, Phase.COMMIT)) {
                assertThat(classifier.classify(failure, phase)).isInstanceOfSatisfying(TransientPersistenceException.class,
                        t -> assertThat(t.reason()).isEqualTo(Cause.SERIALIZATION_FAILURE));
            }
        }
    }

    @Test
    void aConnectionTerminatedInsideATransactionIsLostBeforeCommitAndOfUnknownOutcomeAtCommit()
            throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            insertUser(c, "jake@example.com", "jake");
            terminate(backendPid(c));

            SQLException failure = failureOf(() -> insertUser(c, "jane@example.com", "jane"));

            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOfSatisfying(TransientPersistenceException.class,
                    t -> assertThat(t.reason()).isEqualTo(Cause.CONNECTION_LOST));
            assertThat(classifier.classify(failure, Phase.COMMIT)).isInstanceOf(CommitOutcomeUnknownException.class);
        }
    }

    @Test
    void aCommitOnATerminatedConnectionHasAnUnknownOutcome() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            insertUser(c, "jake@example.com", "jake");
            terminate(backendPid(c));

            SQLException failure = failureOf(c::commit);

            assertThat(classifier.classify(failure, Phase.COMMIT)).isInstanceOf(CommitOutcomeUnknownException.class);
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = database.credentials();
        properties.setProperty("options", "-c statement_timeout=" + SAFETY_STATEMENT_TIMEOUT_MS);
        return DriverManager.getConnection(database.url(), properties);
    }

    /** Detects the deadlock in 100 ms instead of a second, where the server lets us (superusers only). */
    private static void shortenDeadlockTimeout(Connection c) {
        try {
            execute(c, "SET deadlock_timeout = '100ms'");
        } catch (SQLException notAllowed) {
            // The default (1 s) still detects it, only later.
        }
    }

    private static void countUsers(Connection c) throws SQLException {
        try (Statement statement = c.createStatement(); var rows = statement.executeQuery("SELECT count(*) FROM users")) {
            rows.next();
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement statement = c.createStatement(); var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Ends a session as an operator would, and waits (bounded) until it is gone. */
    private void terminate(int pid) throws SQLException {
        try (Connection admin = database.server().connectAsAdmin();
             PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?, ?)")) {
            kill.setInt(1, pid);
            kill.setLong(2, WAIT_SECONDS * 1000);
            try (var rows = kill.executeQuery()) {
                rows.next();
                assertThat(rows.getBoolean(1)).as("backend %s terminated", pid).isTrue();
            }
        }
    }
}
