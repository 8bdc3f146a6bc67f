package io.conduithex.testsupport.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.conduithex.adapter.jdbi.DatabaseSettings;
import io.conduithex.adapter.jdbi.Dialect;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.pool.ConnectionPools;
import io.conduithex.adapter.jdbi.pool.PoolFactory;
import io.conduithex.domain.failure.QueryTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite has no statement timeout of its own; the pool gives every statement one. A statement that runs past it
 * is interrupted and fails as a query timeout, and the connection it ran on serves the next statement normally.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS) // without the deadline the endless statement would run for minutes
class SqliteStatementTimeoutTest {
    /** Counts to a billion: minutes of work for SQLite, unless something stops it. */
    private static final String ENDLESS = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n"
            + " WHERE x < 1000000000) SELECT count(*) FROM n";

    @TempDir
    Path folder;

    private ConnectionPools pools;

    @BeforeEach
    void open() {
        var settings = DatabaseSettings.forUrl("jdbc:sqlite:" + folder.resolve("conduit.db"))
                .withPoolSize(1)
                .withStatementTimeout(Duration.ofMillis(300));
        pools = PoolFactory.open(settings, new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
        pools.close();
    }

    @Test
    void aStatementPastTheTimeoutIsInterruptedAndClassifiedAsAQueryTimeout() {
        long began = System.nanoTime();
        Throwable failure = catchThrowable(() -> pools.reader().jdbi().withHandle(
                handle -> handle.createQuery(ENDLESS).mapTo(Long.class).one()));
        long tookMillis = (System.nanoTime() - began) / 1_000_000;

        assertThat(failure).isNotNull();
        assertThat(JdbiPersistence.classifierFor(Dialect.SQLITE).classify(failure, Phase.WORK))
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(tookMillis).isBetween(300L, 3_000L);
    }

    @Test
    void theConnectionServesTheNextStatementsEachWithItsOwnDeadline() {
        catchThrowable(() -> pools.reader().jdbi().withHandle(handle -> handle.createQuery(ENDLESS).mapTo(Long.class).one()));

        // The pool has one reader connection: these run on the connection that was interrupted.
        for (int i = 0; i < 3; i++) {
            long counted = pools.reader().jdbi().withHandle(handle -> handle.createQuery(
                    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 200000)"
                            + " SELECT count(*) FROM n").mapTo(Long.class).one());
            assertThat(counted).isEqualTo(200_000L);
        }
        assertThat(pools.status().active()).isZero();
    }
}
