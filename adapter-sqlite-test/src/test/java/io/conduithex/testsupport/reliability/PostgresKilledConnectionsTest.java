package io.conduithex.testsupport.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.kit.DatabasePerTest;
import io.conduithex.testsupport.postgres.PostgresTestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When an operator (or a server restart) ends every session at once, the first dead connection a unit of work
 * meets retires the whole pool, so that its one retry gets a fresh connection instead of the next dead one.
 */
class PostgresKilledConnectionsTest {
    private static final int POOL_SIZE = 4;

    @RegisterExtension
    final DatabasePerTest<PostgresTestDatabase> fresh = new DatabasePerTest<>(
            () -> PostgresTestDatabase.create(POOL_SIZE, Duration.ofSeconds(2), Duration.ofSeconds(10)));
    private PostgresTestDatabase database;
    private final ExecutorService threads = Executors.newFixedThreadPool(POOL_SIZE);

    @BeforeEach
    void open() {
        database = fresh.database();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void oneRetryIsEnoughAfterEveryConnectionWasKilled() throws Exception {
        fillThePoolWithLiveConnections();
        terminateTheApplicationsBackends();
        var meters = new SimpleMeterRegistry();
        var runner = new TransactionRunner(database.persistence().unitOfWork(),
                RetrySettings.DEFAULTS.withMaxRetries(1), meters);

        String stored = runner.write("register", tx -> tx.users()
                .insert(new NewUser(new Email("after@example.com"), new Username("after"), new PasswordHash("h")))
                .username().value());

        assertThat(stored).isEqualTo("after");
        assertThat(meters.counter("conduit.uow.retries", "use_case", "register", "cause", "connection_lost").count())
                .isEqualTo(1.0);
    }

    /** Holds {@value POOL_SIZE} transactions open at once, so the pool has that many connections, all just used. */
    private void fillThePoolWithLiveConnections() throws Exception {
        var allIn = new CountDownLatch(POOL_SIZE);
        List<Future<Boolean>> holders = new ArrayList<>();
        for (int i = 0; i < POOL_SIZE; i++) {
            holders.add(threads.submit(() -> database.persistence().unitOfWork().inTransaction(
                    TransactionSpec.readOnly("hold"), tx -> {
                        tx.users().findByUsername(new Username("nobody"));
                        allIn.countDown();
                        return awaitQuietly(allIn);
                    })));
        }
        for (var holder : holders) {
            assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(database.persistence().poolStatus().idle()).isEqualTo(POOL_SIZE);
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void terminateTheApplicationsBackends() throws SQLException {
        String url = database.url();
        String name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*$", "");
        try (Connection admin = database.server().connectAsAdmin();
             var terminate = admin.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE application_name = 'conduit' AND datname = ?")) {
            terminate.setString(1, name);
            try (var rs = terminate.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(POOL_SIZE);
            }
        }
    }
}
