package io.conduithex.testsupport.mariadb;

import static io.conduithex.testsupport.SqlFailures.insertUser;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.OppositeLockOrder;
import io.conduithex.testsupport.kit.DatabasePerTest;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin API's deadlock report on MariaDB comes from InnoDB's own: after two transactions deadlock, the latest
 * report names the table and the transaction InnoDB rolled back, and masks the statements' string literals.
 */
class MariaDbLatestDeadlockTest {
    @RegisterExtension
    final DatabasePerTest<MariaDbTestDatabase> fresh = new DatabasePerTest<>(MariaDbTestDatabase::create);

    @Test
    void theLatestDeadlockIsInnoDbsReportWithItsLiteralsMasked() throws Exception {
        var database = fresh.database();
        long jake;
        long jane;
        try (Connection c = database.connect()) {
            jake = insertUser(c, "jake@example.com", "jake");
            jane = insertUser(c, "jane@example.com", "jane");
        }
        try (Connection first = database.connect(); Connection second = database.connect()) {
            assertThat(OppositeLockOrder.failures(first, second, jake, jane)).hasSize(1);
        }

        var latest = database.persistence().diagnostics(1).latestDeadlock();

        assertThat(latest.reported()).isTrue();
        assertThat(latest.detected()).hasValueSatisfying(at -> assertThat(at).matches("\\d{4}-\\d\\d-\\d\\d .*"));
        assertThat(latest.text()).hasValueSatisfying(text -> assertThat(text)
                .contains("TRANSACTION", "users", "WE ROLL BACK TRANSACTION")
                .contains("'?'", "(value masked)")
                .doesNotContain("touched", "jane@example.com", "6a616e65"));
        assertThat(database.persistence().diagnostics(1).run().sections()).containsKey("latestDeadlock");
    }
}
