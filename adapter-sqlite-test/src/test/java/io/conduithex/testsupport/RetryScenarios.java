package io.conduithex.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.transaction.UnitOfWorkMeters;
import io.conduithex.domain.port.persistence.Transaction;
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
 * Transient failures that a database server really raises, met by the application's {@link TransactionRunner} on
 * the JDBI adapter: the whole unit of work is run again, succeeds, and the retry is counted by its cause. The
 * other party is a plain JDBC connection, as another instance of the application would be. Written once for the
 * servers; a subclass per server says how to see a session wait for a lock and how to make sure the server
 * picks the application's transaction, not the other party's, as a deadlock's victim.
 */
public abstract class RetryScenarios<D extends ServerTestDatabase<?>> {
    protected static final Duration PATIENCE = Duration.ofSeconds(10);
    /**
     * Between two looks at the server's lock view: above 100 ms, because InnoDB refreshes its view of transactions
     * only when nobody read it in the last 100 ms, so a tighter poll would see the same picture for ever.
     */
    private static final long POLL_MILLIS = 150;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    @RegisterExtension
    final DatabasePerTest<D> fresh = new DatabasePerTest<>(this::newDatabase);
    protected D database;
    protected TransactionRunner runner;
    protected User alice;
    protected User bob;

    /** A fresh, migrated database for one test. */
    protected abstract D newDatabase();

    /** The query that answers the server's id of the session it runs on, as its lock views report it. */
    protected abstract String sessionIdQuery();

    /** The query that counts the lock waits of the session whose id is its one parameter. */
    protected abstract String lockWaitsQuery();

    /**
     * Sees to it, on the other party's connection {@code external} (in a transaction already), that the server ends
     * the application's transaction rather than this one when the two deadlock.
     */
    protected abstract void letTheOtherPartyOutlastTheApplication(Connection external, Connection monitor)
            throws SQLException;

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
            external.setAutoCommit(false);
            letTheOtherPartyOutlastTheApplication(external, monitor);
            execute(external, "UPDATE users SET image = 'https://img.test/bob-external.png' WHERE id = " + id(bob));
            long externalSession = count(external, sessionIdQuery());
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
                    awaitWaitingForALock(monitor, externalSession);
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

    protected static User withBio(User user, String bio) {
        return new User(user.id(), user.email(), user.username(), user.passwordHash(), new Bio(bio),
                user.imageIfAny().orElse(null));
    }

    protected double retries(String cause) {
        return meters.find(UnitOfWorkMeters.RETRIES).tag("cause", cause).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    protected double allRetries() {
        return meters.find(UnitOfWorkMeters.RETRIES).counters().stream().mapToDouble(Counter::count).sum();
    }

    protected List<String> storedBioAndImage(User user) throws SQLException {
        try (Connection connection = database.connect();
             var statement = connection.prepareStatement("SELECT bio, image FROM users WHERE id = ?")) {
            statement.setLong(1, id(user));
            try (var result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                return List.of(result.getString("bio"), result.getString("image"));
            }
        }
    }

    /** Waits until the session {@code id} is blocked waiting for a lock. */
    private void awaitWaitingForALock(Connection monitor, long id) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (count(monitor, lockWaitsQuery(), id) == 0) {
                assertThat(System.nanoTime() - deadline).as("session %s waited for a lock within %s", id, PATIENCE)
                        .isNegative();
                Thread.sleep(POLL_MILLIS);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The number {@code sql} answers on {@code connection}, its parameters bound to {@code parameters}. */
    protected static long count(Connection connection, String sql, long... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
            try (var result = statement.executeQuery()) {
                assertThat(result.next()).as("a row from %s", sql).isTrue();
                return result.getLong(1);
            }
        }
    }

    protected static void execute(Connection connection, String sql) {
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

    protected static long id(User user) {
        return user.id().value();
    }
}
