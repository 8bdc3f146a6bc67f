package io.conduithex.adapter.jdbi.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.jdbi.transaction.CommitVerifier.NothingWritten;
import io.conduithex.adapter.jdbi.transaction.CommitVerifier.Outcome;
import io.conduithex.adapter.jdbi.transaction.CommitVerifier.Unverifiable;
import io.conduithex.adapter.jdbi.values.Dialect;
import org.junit.jupiter.api.Test;

/**
 * What SQLite and MariaDB, which keep no status of past transactions, make of a lost commit: unknown when the
 * transaction may have written, nothing lost when it was read-only (a MariaDB read whose session was killed at
 * COMMIT was answered "may or may not have been stored" before; KilledConnectionsOnMariaDbTest found it).
 */
class UnverifiableCommitsTest {

    @Test
    void aLostCommitOfATransactionThatMayHaveWrittenIsOfUnknownOutcome() {
        for (Dialect dialect : new Dialect[] {Dialect.SQLITE, Dialect.MARIADB}) {
            assertThat(CommitVerifier.of(dialect).outcome(new Unverifiable(), null)).as("%s", dialect)
                    .isEqualTo(Outcome.UNKNOWN);
        }
    }

    @Test
    void aLostCommitOfAReadOnlyTransactionLostNothing() {
        for (Dialect dialect : new Dialect[] {Dialect.SQLITE, Dialect.MARIADB}) {
            assertThat(CommitVerifier.of(dialect).outcome(new NothingWritten(), null)).as("%s", dialect)
                    .isEqualTo(Outcome.NOTHING_TO_LOSE);
        }
    }
}
