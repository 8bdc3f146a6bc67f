package io.conduithex.testsupport.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.postgres.OwnedPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * After an outage long enough for HikariCP to back off to its five-second pause between attempts, the pool must
 * still notice the server's return at once: its attempts wait out an unreachable server instead of failing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PostgresOutageRecoveryTest {
    private static final Duration OUTAGE = Duration.ofSeconds(9);

    private OwnedPostgres postgres;
    private JdbiPersistence persistence;

    @BeforeEach
    void open() {
        postgres = OwnedPostgres.launch();
        String database = postgres.createDatabase();
        persistence = JdbiPersistence.open(DatabaseSettings.forUrl(postgres.url(database)).toBuilder()
                .credentials(postgres.user(), null)
                .poolSize(2)
                .poolTimeout(Duration.ofMillis(500))
                .build(), new SimpleMeterRegistry());
        persistence.migrate();
    }

    @AfterEach
    void close() {
        persistence.close();
        postgres.close();
    }

    @Test
    void theFirstUnitOfWorkAfterALongOutageSucceedsWithinAMomentOfTheServersReturn() throws Exception {
        assertThat(lookUp()).isFalse();
        postgres.stop();
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        int refused = 0;
        while (System.nanoTime() < outageEnds) {
            try {
                lookUp();
            } catch (DatabaseUnavailableException expected) {
                assertThat(expected.reason()).isEqualTo(DatabaseUnavailableException.Reason.CANNOT_CONNECT);
                refused++;
            } catch (TransientPersistenceException pooledConnectionDiedWithTheServer) {
                assertThat(pooledConnectionDiedWithTheServer.reason()).isEqualTo(Cause.CONNECTION_LOST);
            }
        }
        postgres.start();
        long back = System.nanoTime();

        long firstSuccessMillis = -1;
        while (firstSuccessMillis < 0) {
            try {
                lookUp();
                firstSuccessMillis = (System.nanoTime() - back) / 1_000_000;
            } catch (DatabaseUnavailableException stillDown) {
                assertThat(System.nanoTime() - back).isLessThan(TimeUnit.SECONDS.toNanos(10));
            }
        }

        System.out.println("[conduit-test] outage recovery: first success " + firstSuccessMillis + " ms after return, " + refused + " refused");
        assertThat(refused).isPositive();
        // HikariCP alone would be sleeping up to 5 s between attempts by now.
        assertThat(firstSuccessMillis).isLessThan(1_000);
    }

    private boolean lookUp() {
        return persistence.unitOfWork().inTransaction(TransactionSpec.readOnly("look-up"),
                tx -> tx.users().findByUsername(new Username("nobody")).isPresent());
    }
}
