package io.conduithex.testsupport.replica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.adapter.jdbi.replica.ReadPosition;
import io.conduithex.adapter.jdbi.replica.ReplicaState;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.ReplicaSettings;
import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.postgres.OwnedPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Read-only units of work on a streaming standby, and read-your-writes when it lags, on real servers. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReplicaRoutingTest {
    private static final TransactionSpec READ = TransactionSpec.readOnly("replica-test-read");
    private static final TransactionSpec WRITE = TransactionSpec.readWrite("replica-test-write");

    private static OwnedPostgres primary;
    private static OwnedPostgres standby;
    private static String database;
    private static SimpleMeterRegistry meters;
    private static JdbiPersistence persistence;

    @BeforeAll
    static void startPrimaryStandbyAndApplication() {
        primary = OwnedPostgres.launch();
        database = primary.createDatabase();
        standby = primary.startStandby();
        meters = new SimpleMeterRegistry();
        persistence = open(standby, 4);
        persistence.migrate();
        awaitState(persistence, ReplicaState.SERVING);
        awaitReadsServedByTheReplica(persistence);
    }

    @AfterAll
    static void stopAll() {
        persistence.close();
        standby.close();
        primary.close();
    }

    @Test
    void aReadOnlyUnitOfWorkRunsOnTheReplica() {
        double before = replicaReads();

        read("nobody@example.com");

        assertThat(replicaReads()).isEqualTo(before + 1);
    }

    @Test
    void aPositionTheLastCheckSawReplayedAsksTheReplicaNothing() {
        String position;
        try (var writer = persistence.readConsistency().open(List.of())) {
            register();
            position = writer.written().orElseThrow();
        }
        awaitCheckedPast(position);
        int reads = 20;

        double plain = statementsDuring(reads, List.of());
        double withPosition = statementsDuring(reads, List.of(position));

        // A read is one statement. Neither the schema floor every read must see nor a position carried in asks
        // the replica where its replay is when the monitor's last check already saw it there. The monitor's own
        // checks may fall in either window: a handful, not one per read.
        assertThat(plain).as("statements of %s plain reads", reads).isBetween((double) reads, reads * 1.5);
        assertThat(withPosition).as("statements of %s reads with a position", reads).isBetween((double) reads, reads * 1.5);
    }

    @Test
    void aReadAfterAWriteInTheSameScopeSeesItWhileReplayIsPaused() {
        standby.execute("SELECT pg_wal_replay_pause()");
        try (var scope = persistence.readConsistency().open(List.of())) {
            String email = register();

            assertThat(read(email)).as("the scope's own write").isTrue();
            assertThat(scope.written()).isPresent();
        } finally {
            standby.execute("SELECT pg_wal_replay_resume()");
        }
    }

    @Test
    void aPositionCarriedToAnotherScopeSeesTheWriteWhileAScopeWithoutItMayNot() {
        standby.execute("SELECT pg_wal_replay_pause()");
        try {
            String email;
            String position;
            try (var writer = persistence.readConsistency().open(List.of())) {
                email = register();
                position = writer.written().orElseThrow();
            }
            double fellBack = fallbacks("replica_behind");

            try (var reader = persistence.readConsistency().open(List.of(position))) {
                assertThat(read(email)).as("read with the writer's position").isTrue();
            }
            assertThat(fallbacks("replica_behind")).isEqualTo(fellBack + 1);
            try (var stranger = persistence.readConsistency().open(List.of())) {
                assertThat(read(email)).as("read from the paused replica without a position").isFalse();
            }
        } finally {
            standby.execute("SELECT pg_wal_replay_resume()");
        }
    }

    @Test
    void aPositionFromAnotherClusterIsReadOnThePrimary() {
        double before = fallbacks("foreign_position");
        try (var scope = persistence.readConsistency().open(List.of("12345:1:0/1000000"))) {
            read("nobody@example.com");
        }
        assertThat(fallbacks("foreign_position")).isEqualTo(before + 1);
    }

    @Test
    void aStoppedReplicaSendsReadsToThePrimaryUntilItServesAgain() {
        try (var ownPersistence = open(standby, 2)) {
            awaitState(ownPersistence, ReplicaState.SERVING);
            // As the use cases run it: a read whose pooled connection died with the replica is retried, elsewhere.
            var runner = new TransactionRunner(ownPersistence.unitOfWork(), RetrySettings.DEFAULTS, meters);
            standby.stop();
            try {
                for (int i = 0; i < 20; i++) {
                    Optional<User> found = runner.read("replica-test-read",
                            tx -> tx.users().findByEmail(new Email("nobody@example.com")));
                    assertThat(found).isEmpty();
                }
                awaitState(ownPersistence, ReplicaState.UNREACHABLE);
            } finally {
                standby.start();
            }
            awaitState(ownPersistence, ReplicaState.SERVING);
        }
        awaitState(persistence, ReplicaState.SERVING);
    }

    @Test
    void readsThatNoReplicaCanTakeAreBoundedOnThePrimary() throws Exception {
        // A pool of 2 on the primary: one read may stand in for the replicas, the other connection stays for writes.
        try (var ownPersistence = open(standby, 2)) {
            awaitState(ownPersistence, ReplicaState.SERVING);
            try (var foreign = ownPersistence.readConsistency().open(List.of("12345:1:0/1000000"))) {
                var holding = new CountDownLatch(1);
                var release = new CountDownLatch(1);
                var held = CompletableFuture.runAsync(() -> {
                    try (var scope = ownPersistence.readConsistency().open(List.of("12345:1:0/1000000"))) {
                        ownPersistence.unitOfWork().inTransaction(READ, tx -> {
                            holding.countDown();
                            await(release);
                            return null;
                        });
                    }
                });
                assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

                assertThatThrownBy(() -> readOn(ownPersistence, "nobody@example.com"))
                        .isInstanceOf(DatabaseUnavailableException.class)
                        .hasMessageContaining("already run on the primary");
                ownPersistence.unitOfWork().inTransaction(WRITE, tx -> tx.users().findByEmail(new Email("x@example.com")));
                release.countDown();
                held.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aRecoveryConflictOnTheReplicaIsRetriedOnThePrimary() throws Exception {
        // The standby cancels its readers at once when replay needs their locks, instead of waiting 30 s.
        standby.execute("ALTER SYSTEM SET max_standby_streaming_delay = 0");
        standby.execute("SELECT pg_reload_conf()");
        var runner = new TransactionRunner(persistence.unitOfWork(), RetrySettings.DEFAULTS, meters);
        var attempts = new AtomicInteger();
        double before = fallbacks("recovery_conflict");
        try (var scope = persistence.readConsistency().open(List.of());
             Connection owner = primary.connect(database)) {
            Optional<User> found = runner.read("replica-test-conflict", tx -> {
                tx.users().findByEmail(new Email("nobody@example.com"));
                if (attempts.incrementAndGet() == 1) {
                    // Replaying this needs an exclusive lock on users, which this read holds on the replica.
                    execute(owner, "ALTER TABLE users ADD COLUMN conflict_probe int");
                    sleep(1_000);
                }
                return tx.users().findByEmail(new Email("nobody@example.com"));
            });

            assertThat(found).isEmpty();
            assertThat(attempts.get()).as("attempts").isEqualTo(2);
            assertThat(fallbacks("recovery_conflict")).isEqualTo(before + 1);
            execute(owner, "ALTER TABLE users DROP COLUMN conflict_probe");
        } finally {
            standby.execute("ALTER SYSTEM RESET max_standby_streaming_delay");
            standby.execute("SELECT pg_reload_conf()");
        }
    }

    @Test
    void aPromotedReplicaLeavesTheReadSet() {
        try (OwnedPostgres second = primary.startStandby(); var ownPersistence = open(second, 2)) {
            awaitState(ownPersistence, ReplicaState.SERVING);

            second.execute("SELECT pg_promote()");

            awaitState(ownPersistence, ReplicaState.PROMOTED);
            double before = replicaReadsOf(ownPersistence);
            assertThat(readOn(ownPersistence, "nobody@example.com")).isFalse();
            assertThat(replicaReadsOf(ownPersistence)).isEqualTo(before);
        }
    }

    private static JdbiPersistence open(OwnedPostgres replica, int poolSize) {
        var settings = DatabaseSettings.forUrl(primary.url(database)).toBuilder()
                .credentials(primary.user(), null)
                .poolSize(poolSize)
                .poolTimeout(Duration.ofMillis(1000))
                .build();
        var replicas = new ReplicaSettings(List.of(replica.url(database)), 2, Duration.ofSeconds(5), 16L << 20,
                Duration.ofMillis(50), Duration.ofMillis(100));
        return JdbiPersistence.open(settings, replicas, meters);
    }

    private static double statementsDuring(int reads, List<String> positions) {
        double before = meters.get("conduit.db.statements").tag("outcome", "ok").timer().count();
        try (var scope = persistence.readConsistency().open(positions)) {
            for (int i = 0; i < reads; i++) {
                read("nobody@example.com");
            }
        }
        return meters.get("conduit.db.statements").tag("outcome", "ok").timer().count() - before;
    }

    /** Until the replica monitor's last check saw the replica replay past {@code position}. */
    private static void awaitCheckedPast(String position) {
        long deadline = System.currentTimeMillis() + 30_000;
        var wal = ReadPosition.parse(position).orElseThrow().position();
        while (!persistence.replicas().replicas().get(0).status().replayed().map(r -> r.isAtLeast(wal)).orElse(false)) {
            assertThat(System.currentTimeMillis()).as("the monitor saw the write replayed in time").isLessThan(deadline);
            persistence.replicas().checkNow();
            sleep(20);
        }
    }

    private static void awaitState(JdbiPersistence on, ReplicaState state) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (on.replicas().replicas().get(0).status().state() != state) {
            assertThat(System.currentTimeMillis()).as("replica became %s in time, is %s", state,
                    on.replicas().replicas().get(0).status()).isLessThan(deadline);
            on.replicas().checkNow();
            sleep(20);
        }
    }

    /** Until the replica has replayed the schema: reads wait for it, or run on the primary, until then. */
    private static void awaitReadsServedByTheReplica(JdbiPersistence on) {
        long deadline = System.currentTimeMillis() + 30_000;
        double before = replicaReadsOf(on);
        while (true) {
            readOn(on, "nobody@example.com");
            if (replicaReadsOf(on) > before) {
                return;
            }
            assertThat(System.currentTimeMillis()).as("the replica serves reads in time").isLessThan(deadline);
            sleep(20);
        }
    }

    private static String register() {
        String name = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String email = name + "@example.com";
        persistence.unitOfWork().inTransaction(WRITE, tx -> tx.users().insert(
                new NewUser(new Email(email), new Username(name), new PasswordHash("$2a$10$notarealhashnotarealhashnotarealhashnotarealhashnotre"))));
        return email;
    }

    private static boolean read(String email) {
        return readOn(persistence, email);
    }

    private static boolean readOn(JdbiPersistence on, String email) {
        return on.unitOfWork().inTransaction(READ, tx -> tx.users().findByEmail(new Email(email))).isPresent();
    }

    private static double replicaReads() {
        return replicaReadsOf(persistence);
    }

    private static double replicaReadsOf(JdbiPersistence on) {
        return on.replicas().replicas().get(0).readsServed();
    }

    private static double fallbacks(String reason) {
        var counter = meters.find("conduit.replica.fallbacks").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void execute(Connection connection, String sql) {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
