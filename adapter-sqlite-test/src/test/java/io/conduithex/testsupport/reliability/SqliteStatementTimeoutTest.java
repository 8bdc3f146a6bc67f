package io.conduithex.testsupport.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.pool.ConnectionPools;
import io.conduithex.adapter.jdbi.pool.PoolFactory;
import io.conduithex.domain.failure.QueryTimeoutException;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.kit.LogRecorder;
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
        var settings = DatabaseSettings.forUrl("jdbc:sqlite:" + folder.resolve("conduit.db")).toBuilder()
                .poolSize(1)
                .statementTimeout(Duration.ofMillis(300))
                .build();
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
    void aWriteInterruptedByItsDeadlineFailsItsUnitOfWorkWholeWithoutAFalseRollbackWarning() throws Exception {
        pools.close();
        String url = "jdbc:sqlite:" + folder.resolve("w.db");
        try (var persistence = JdbiPersistence.open(DatabaseSettings.forUrl(url).toBuilder()
                .statementTimeout(Duration.ofMillis(300))
                .build(), new SimpleMeterRegistry())) {
            persistence.migrate();
            makeEveryFollowSlow(url);
            var unitOfWork = persistence.unitOfWork();
            try (var logs = LogRecorder.of("io.conduithex.adapter.jdbi")) {
                Throwable failure = catchThrowable(() -> unitOfWork.inTransaction(
                        TransactionSpec.readWrite("follow-slowly"), tx -> {
                            var jake = tx.users().insert(newUser("jake"));
                            var jane = tx.users().insert(newUser("jane"));
                            tx.follows().follow(jake.id(), jane.id());
                            return null;
                        }));

                assertThat(failure).isInstanceOf(QueryTimeoutException.class);
                assertThat(logs.lines()).noneMatch(line -> line.startsWith("WARN"));
            }
            // The interrupted statement took its whole transaction with it: neither user was stored...
            boolean stored = unitOfWork.inTransaction(TransactionSpec.readOnly("check"),
                    tx -> tx.users().findByUsername(new Username("jake")).isPresent());
            assertThat(stored).isFalse();
            // ...and the writer serves the next unit of work.
            unitOfWork.inTransaction(TransactionSpec.readWrite("next"), tx -> tx.users().insert(newUser("next")));
            boolean nextStored = unitOfWork.inTransaction(TransactionSpec.readOnly("check"),
                    tx -> tx.users().findByUsername(new Username("next")).isPresent());
            assertThat(nextStored).isTrue();
            assertThat(persistence.poolStatus().active()).isZero();
        }
        pools = PoolFactory.open(DatabaseSettings.forUrl("jdbc:sqlite:" + folder.resolve("conduit.db")),
                new SimpleMeterRegistry());
    }

    /** A trigger that joins a 2,000-row table with itself three times for every new follow. */
    private static void makeEveryFollowSlow(String url) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(url);
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ballast (n INTEGER)");
            statement.execute("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000)"
                    + " INSERT INTO ballast SELECT x FROM c");
            statement.execute("CREATE TRIGGER slow_follow AFTER INSERT ON follows BEGIN"
                    + " SELECT count(*) FROM ballast a, ballast b, ballast c; END");
        }
    }

    private static NewUser newUser(String name) {
        return new NewUser(new Email(name + "@example.com"), new Username(name), new PasswordHash("hash"));
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
