package io.conduithex.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.transaction.UnitOfWorkMeters;
import io.conduithex.domain.port.persistence.Isolation;
import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Bio;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.User;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.kit.DatabasePerTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Transient failures that PostgreSQL really raises, met by the application's {@link TransactionRunner} on
 * the JDBI adapter: the whole unit of work is run again, succeeds, and the retry is counted by its cause.
 * The other party is a plain JDBC connection, as another instance of the application would be.
 */
class PostgresRetryTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    @RegisterExtension
    final DatabasePerTest<PostgresTestDatabase> fresh = new DatabasePerTest<>(PostgresTestDatabase::create);
    private PostgresTestDatabase database;
    private TransactionRunner runner;
    private User alice;
    private User bob;

    @BeforeEach
    void openDatabase() {
        database = fresh.database();
        runner = new TransactionRunner(database.persistence().unitOfWork(), RetrySettings.DEFAULTS, meters);
        alice = givenUser("alice");
        bob = givenUser("bob");
    }

    @Test
    void aUnitOfWorkChosenAsTheDeadlockVictimIsRunAgainWholeAndSucceeds() throws Exception {
        var attempts = new AtomicInteger();
        var appHoldsAlice = new CountDownLatch(1);
        var externalCommitted = new CountDownLatch(1);
        ExecutorService externalThread = Executors.newSingleThreadExecutor();
        try (Connection external = database.connect(); Connection monitor = database.connect()) {
            // The application's sessions keep the server's deadlock_timeout (1s by default); the external one
            // waits longer before it looks for a cycle, so the application's session finds the deadlock first
            // and is the one aborted.
            assertThat(deadlockTimeoutMillis(monitor)).as("the server's deadlock_timeout").isLessThan(10_000);
            execute(external, "SET deadlock_timeout = '10s'");
            external.setAutoCommit(false);
            execute(external, "UPDATE users SET image = 'https://img.test/bob-external.png' WHERE id = " + id(bob));
            long externalPid = backendPid(external);
            Future<?> externalWork = externalThread.submit(() -> {
                await(appHoldsAlice);
                execute(external, "UPDATE users SET image = 'https://img.test/alice-external.png' WHERE id = "
                        + id(alice));
                external.commit();
                externalCommitted.countDown();
                return null;
            });

            String result = runner.write("swap-bios", tx -> {
                int attempt = attempts.incrementAndGet();
                if (attempt > 1) {
                    // The work writes whole rows: let the retry read what the external transaction stored.
                    await(externalCommitted);
                }
                setBio(tx, alice, "alice by the application");
                if (attempt == 1) {
                    appHoldsAlice.countDown();
                    awaitWaitingForALock(monitor, externalPid);
                }
                setBio(tx, bob, "bob by the application");
                return "stored";
            });

            assertThat(result).isEqualTo("stored");
            externalWork.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            externalThread.shutdownNow();
            assertThat(externalThread.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }

        assertThat(attempts).as("the unit of work ran again after it was aborted").hasValue(2);
        assertThat(storedBioAndImage(alice)).containsExactly("alice by the application",
                "https://img.test/alice-external.png");
        assertThat(storedBioAndImage(bob)).containsExactly("bob by the application",
                "https://img.test/bob-external.png");
        assertThat(retries("deadlock")).isEqualTo(1);
        assertThat(allRetries()).isEqualTo(1);
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

    private User givenUser(String name) {
        var user = new NewUser(new Email(name + "@example.com"), new Username(name),
                new PasswordHash("hash-of-" + name));
        return runner.write("given-user", tx -> tx.users().insert(user));
    }

    /** Reads the user afresh in this transaction and stores it with a new bio, through the repository. */
    private static void setBio(Transaction tx, User user, String bio) {
        User current = tx.users().findById(user.id()).orElseThrow();
        assertThat(tx.users().update(withBio(current, bio))).isTrue();
    }

    private static User withBio(User user, String bio) {
        return new User(user.id(), user.email(), user.username(), user.passwordHash(), new Bio(bio),
                user.imageIfAny().orElse(null));
    }

    private double retries(String cause) {
        return meters.find(UnitOfWorkMeters.RETRIES).tag("cause", cause).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double allRetries() {
        return meters.find(UnitOfWorkMeters.RETRIES).counters().stream().mapToDouble(Counter::count).sum();
    }

    private List<String> storedBioAndImage(User user) throws SQLException {
        try (Connection connection = database.connect();
             var statement = connection.prepareStatement("SELECT bio, image FROM users WHERE id = ?")) {
            statement.setLong(1, id(user));
            try (var result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                return List.of(result.getString("bio"), result.getString("image"));
            }
        }
    }

    /** Waits until the session {@code pid} is blocked waiting for a lock. */
    private static void awaitWaitingForALock(Connection monitor, long pid) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (var statement = monitor.prepareStatement("SELECT count(*) FROM pg_locks WHERE pid = ? AND NOT granted")) {
            statement.setLong(1, pid);
            while (true) {
                try (var result = statement.executeQuery()) {
                    result.next();
                    if (result.getLong(1) > 0) {
                        return;
                    }
                }
                assertThat(System.nanoTime() - deadline).as("session %s waited for a lock within %s", pid, PATIENCE)
                        .isNegative();
                Thread.sleep(5);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long deadlockTimeoutMillis(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var result = statement.executeQuery(
                     "SELECT setting::bigint FROM pg_settings WHERE name = 'deadlock_timeout'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long backendPid(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT pg_backend_pid()")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("external connection failed: " + sql, e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("waited %s", PATIENCE).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long id(User user) {
        return user.id().value();
    }
}
