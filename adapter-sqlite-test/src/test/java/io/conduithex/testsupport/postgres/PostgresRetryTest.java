package io.conduithex.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.port.persistence.Isolation;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.User;
import io.conduithex.testsupport.RetryScenarios;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The retry scenarios on PostgreSQL, and its serialization failure: a REPEATABLE READ unit of work overtaken by a
 * concurrent committed update is run again whole.
 */
class PostgresRetryTest extends RetryScenarios<PostgresTestDatabase> {

    @Override
    protected PostgresTestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }

    @Override
    protected String sessionIdQuery() {
        return "SELECT pg_backend_pid()";
    }

    @Override
    protected String lockWaitsQuery() {
        return "SELECT count(*) FROM pg_locks WHERE pid = ? AND NOT granted";
    }

    /**
     * The application's sessions keep the server's {@code deadlock_timeout} (1 s by default); the other party waits
     * longer before it looks for a cycle, so the application's session finds the deadlock first and is the one
     * aborted.
     */
    @Override
    protected void letTheOtherPartyOutlastTheApplication(Connection external, Connection monitor)
            throws SQLException {
        assertThat(count(monitor, "SELECT setting::bigint FROM pg_settings WHERE name = 'deadlock_timeout'"))
                .as("the server's deadlock_timeout").isLessThan(10_000);
        execute(external, "SET deadlock_timeout = '10s'");
    }

    @Test
    void aRepeatableReadUnitOfWorkOvertakenByAConcurrentUpdateIsRunAgainWholeAndSucceeds() throws Exception {
        var attempts = new AtomicInteger();
        var spec = TransactionSpec.readWrite("update-bio").withIsolation(Isolation.REPEATABLE_READ);
        try (Connection external = database.connect()) {
            runner.run(spec, tx -> {
                int attempt = attempts.incrementAndGet();
                // The first read fixes this transaction's snapshot.
                User seen = tx.users().findById(alice.id()).orElseThrow();
                if (attempt == 1) {
                    execute(external, "UPDATE users SET image = 'https://img.test/alice-external.png' WHERE id = "
                            + id(alice));
                }
                tx.users().update(withBio(seen, "alice by the application"));
                return null;
            });
        }

        assertThat(attempts).as("the unit of work ran again after the serialization failure").hasValue(2);
        assertThat(storedBioAndImage(alice)).containsExactly("alice by the application",
                "https://img.test/alice-external.png");
        assertThat(retries("serialization_failure")).isEqualTo(1);
        assertThat(allRetries()).isEqualTo(1);
    }
}
