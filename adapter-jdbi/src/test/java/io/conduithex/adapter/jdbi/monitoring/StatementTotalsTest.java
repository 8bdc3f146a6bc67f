package io.conduithex.adapter.jdbi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.port.persistence.DatabaseTimings.Distribution;
import io.conduithex.domain.port.persistence.DatabaseTimings.StatementTotal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the metrics read from the recorder: statements by total time, connection waits, transactions by outcome. */
class StatementTotalsTest {
    private static final long MS = 1_000_000;

    private final TimingRecorder recorder =
            new TimingRecorder(Duration.ofSeconds(10), new SimpleMeterRegistry(), Clock.systemUTC());

    @Test
    void statementsAreGroupedByTheirNormalizedTextTheMostTotalTimeFirst() {
        recorder.recordStatement(5 * MS, "SELECT * FROM users WHERE id = ?");
        recorder.recordStatement(7 * MS, "SELECT *\n  FROM users\n WHERE id = ?");
        recorder.recordStatement(20 * MS, "INSERT INTO tags (name) VALUES (?)");
        recorder.recordStatement(1 * MS, "SELECT 1");

        var totals = recorder.statementTotals(2);

        assertThat(totals.window()).isEqualTo("last 4096 statements");
        assertThat(totals.statements()).isEqualTo(4);
        assertThat(totals.top()).containsExactly(
                new StatementTotal("INSERT INTO tags (name) VALUES (?)", 1, 20, 20, 20),
                new StatementTotal("SELECT * FROM users WHERE id = ?", 2, 12, 6, 7));
    }

    @Test
    void theWindowKeepsTheMostRecentStatementsOnly() {
        recorder.recordStatement(100 * MS, "SELECT old");
        for (int i = 0; i < TimingRecorder.STATEMENTS_KEPT; i++) {
            recorder.recordStatement(MS, "SELECT new");
        }

        assertThat(recorder.statementTotals(10).top()).extracting(StatementTotal::sql).containsExactly("SELECT new");
    }

    @Test
    void literalsWrittenIntoTheTextAreMaskedAndNamesKeepTheirDigits() {
        assertThat(SqlText.normalized("select * from t1 where email = 'jake@example.com' and n > 42 limit 20"))
                .isEqualTo("select * from t1 where email = ? and n > ? limit ?");
        assertThat(SqlText.normalized("select E'it''s' || X'1F', -3.5e2, col_2, $1 from a.b2"))
                .isEqualTo("select ? || ?, ?, col_2, $1 from a.b2");
        assertThat(SqlText.normalized(null)).isEqualTo("<unknown>");
    }

    @Test
    void connectionWaitsHavePercentilesAndAMaximumOverTheirWindow() {
        assertThat(recorder.connectionWaits()).isEqualTo(Distribution.none("last 2048 connection acquisitions"));
        for (int ms = 1; ms <= 100; ms++) {
            recorder.recordConnectionWait(ms * MS);
        }

        assertThat(recorder.connectionWaits())
                .isEqualTo(new Distribution("last 2048 connection acquisitions", 100, 50, 95, 99, 100));
    }

    @Test
    void transactionsAreCountedByHowTheyEnded() {
        recorder.recordTransaction(MS, "commit");
        recorder.recordTransaction(MS, "commit");
        recorder.recordTransaction(MS, "rollback");

        assertThat(recorder.transactionsSinceStart()).isEqualTo(Map.of("commit", 2L, "rollback", 1L));
        assertThat(recorder.unitsOfWork().count()).isEqualTo(3);
    }
}
