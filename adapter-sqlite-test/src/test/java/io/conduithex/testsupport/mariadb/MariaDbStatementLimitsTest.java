package io.conduithex.testsupport.mariadb;

import static io.conduithex.testsupport.SqlFailures.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.domain.failure.QueryTimeoutException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.kit.DatabasePerTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The limits every pooled MariaDB session carries, met by a unit of work whose update waits on a row another
 * session holds: with a short statement timeout, {@code max_statement_time} ends the wait first and the unit of
 * work fails with a query timeout (503); with a longer one, {@code innodb_lock_wait_timeout} (half of it) ends it
 * first and the failure is transient, for the caller to retry. Either way the connection goes back to the pool.
 */
class MariaDbStatementLimitsTest {

    @Test
    void aWaitPastTheStatementTimeoutIsAQueryTimeout() {
        // 300 ms of statement time; the lock wait timeout is a whole second, so the statement timeout ends it.
        var database = MariaDbTestDatabase.create(2, Duration.ofSeconds(5), Duration.ofMillis(300));
        try {
            assertThatThrownBy(() -> updateWhileAnotherSessionHoldsTheRow(database))
                    .isInstanceOf(QueryTimeoutException.class)
                    .hasMessageContaining("error 1969");
        } finally {
            DatabasePerTest.closeChecked(database);
        }
    }

    @Test
    void aWaitPastTheLockWaitTimeoutIsTransient() {
        // 4 s of statement time; the lock wait timeout is half, 2 s, and ends the wait first.
        var database = MariaDbTestDatabase.create(2, Duration.ofSeconds(5), Duration.ofSeconds(4));
        try {
            assertThatThrownBy(() -> updateWhileAnotherSessionHoldsTheRow(database))
                    .isInstanceOfSatisfying(TransientPersistenceException.class,
                            t -> assertThat(t.reason()).isEqualTo(Cause.BUSY))
                    .hasMessageContaining("error 1205");
        } finally {
            DatabasePerTest.closeChecked(database);
        }
    }

    /** Registers jake, then updates his bio in a unit of work while a session of the test's own locks his row. */
    private static void updateWhileAnotherSessionHoldsTheRow(MariaDbTestDatabase database) throws SQLException {
        var unitOfWork = database.persistence().unitOfWork();
        User jake = unitOfWork.inTransaction(TransactionSpec.readWrite("arrange"), tx -> tx.users().insert(
                new NewUser(new Email("jake@example.com"), new Username("jake"), new PasswordHash("hash"))));
        try (Connection blocker = database.connect()) {
            blocker.setAutoCommit(false);
            execute(blocker, "SELECT id FROM users WHERE id = " + jake.id().value() + " FOR UPDATE");
            try {
                unitOfWork.inTransaction(TransactionSpec.readWrite("update-jake"), tx -> tx.users().update(
                        new User(jake.id(), jake.email(), jake.username(), jake.passwordHash(), new Bio("waited"),
                                null)));
            } finally {
                blocker.rollback();
            }
        }
    }
}
