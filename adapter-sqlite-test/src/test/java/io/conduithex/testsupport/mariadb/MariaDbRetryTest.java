package io.conduithex.testsupport.mariadb;

import io.conduithex.testsupport.RetryScenarios;
import io.conduithex.testsupport.SqlFailures;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The retry scenarios on MariaDB: InnoDB breaks a deadlock as soon as the cycle closes (error 1213), and the
 * application runs its whole unit of work again. There is no serialization failure to provoke: with
 * {@code innodb_snapshot_isolation} off (10.11's default) REPEATABLE READ lets a writer overwrite a row that changed
 * since its snapshot instead of failing.
 */
class MariaDbRetryTest extends RetryScenarios<MariaDbTestDatabase> {

    /** Rows the other party writes first, which make its transaction the heavier one. */
    private static final int BALLAST_ROWS = 20;

    @Override
    protected MariaDbTestDatabase newDatabase() {
        return MariaDbTestDatabase.create();
    }

    @Override
    protected String sessionIdQuery() {
        return "SELECT CONNECTION_ID()";
    }

    /** InnoDB's own view of the session's transaction (which it refreshes at most every 100 ms). */
    @Override
    protected String lockWaitsQuery() {
        return "SELECT count(*) FROM information_schema.INNODB_TRX"
                + " WHERE trx_mysql_thread_id = ? AND trx_state = 'LOCK WAIT'";
    }

    /**
     * InnoDB ends the transaction that has written and locked the least, whoever closed the cycle: the other party
     * first writes rows of its own (users nobody else touches), so the application's transaction is the lighter.
     */
    @Override
    protected void letTheOtherPartyOutlastTheApplication(Connection external, Connection monitor)
            throws SQLException {
        for (int i = 0; i < BALLAST_ROWS; i++) {
            SqlFailures.insertUser(external, "ballast" + i + "@example.com", "ballast" + i);
        }
    }
}
