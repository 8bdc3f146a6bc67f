package io.conduithex.testsupport.mariadb;

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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MariaDB classifier judged on the failures that concurrent sessions and lost connections really raise: a
 * deadlock, a lock wait timeout, a session killed under a transaction. The twin of
 * {@link MariaDbErrorClassifierTest}, which covers constraints, bugs and refused connections.
 */
class MariaDbTransientErrorClassifierTest {

    /** Every statement of the test's own sessions ends by this, whatever goes wrong in a test. */
    private static final int SAFETY_STATEMENT_SECONDS = 20;

    @RegisterExtension
    final DatabasePerTest<MariaDbTestDatabase> fresh = new DatabasePerTest<>(MariaDbTestDatabase::create);
    private MariaDbTestDatabase database;
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
            List<SQLException> failures = OppositeLockOrder.failures(first, second, jake, jane);

            assertThat(failures).as("InnoDB ends exactly one of the two").hasSize(1);
            assertThat(failures.get(0).getErrorCode()).isEqualTo(1213);
            assertThat(classifier.classify(failures.get(0), Phase.WORK)).isInstanceOfSatisfying(
                    TransientPersistenceException.class, t -> assertThat(t.reason()).isEqualTo(Cause.DEADLOCK));
        }
    }

    @Test
    void aRowLockHeldPastTheLockWaitTimeoutIsTransient() throws SQLException {
        long jake;
        try (Connection c = connect()) {
            jake = insertUser(c, "jake@example.com", "jake");
        }
        try (Connection holder = connect(); Connection waiter = connect()) {
            holder.setAutoCommit(false);
            OppositeLockOrder.touch(holder, jake);
            execute(waiter, "SET SESSION innodb_lock_wait_timeout = 1");
            waiter.setAutoCommit(false);

            SQLException failure = failureOf(() -> OppositeLockOrder.touch(waiter, jake));
            waiter.rollback();
            holder.rollback();

            assertThat(failure.getErrorCode()).isEqualTo(1205);
            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOfSatisfying(
                    TransientPersistenceException.class, t -> assertThat(t.reason()).isEqualTo(Cause.BUSY));
        }
    }

    @Test
    void aConnectionKilledInsideATransactionIsLostBeforeCommitAndOfUnknownOutcomeAtCommit() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            insertUser(c, "jake@example.com", "jake");
            kill(connectionId(c));

            SQLException failure = failureOf(() -> insertUser(c, "jane@example.com", "jane"));

            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOfSatisfying(TransientPersistenceException.class,
                    t -> assertThat(t.reason()).isEqualTo(Cause.CONNECTION_LOST));
            assertThat(classifier.classify(failure, Phase.COMMIT)).isInstanceOf(CommitOutcomeUnknownException.class);
        }
    }

    @Test
    void aCommitOnAKilledConnectionHasAnUnknownOutcome() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            insertUser(c, "jake@example.com", "jake");
            kill(connectionId(c));

            SQLException failure = failureOf(c::commit);

            assertThat(classifier.classify(failure, Phase.COMMIT)).isInstanceOf(CommitOutcomeUnknownException.class);
        }
    }

    private Connection connect() throws SQLException {
        Connection c = database.connect();
        execute(c, "SET SESSION max_statement_time = " + SAFETY_STATEMENT_SECONDS);
        return c;
    }

    private static long connectionId(Connection c) throws SQLException {
        try (Statement statement = c.createStatement(); var rows = statement.executeQuery("SELECT CONNECTION_ID()")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Ends a session as an operator would with KILL CONNECTION. */
    private void kill(long id) throws SQLException {
        try (Connection admin = database.server().connectAsAdmin()) {
            execute(admin, "KILL CONNECTION " + id);
        }
    }
}
