package io.conduithex.testsupport.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.application.transaction.RetrySettings;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.idempotency.IdempotencyKey;
import io.conduithex.domain.idempotency.KeyRecord;
import io.conduithex.domain.idempotency.KeyScope;
import io.conduithex.domain.idempotency.RequestFingerprint;
import io.conduithex.domain.idempotency.StoredResponse;
import io.conduithex.domain.port.persistence.IdempotencyRepository.Stored;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.user.Email;
import io.conduithex.domain.user.NewUser;
import io.conduithex.domain.user.PasswordHash;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.LeakCheck;
import io.conduithex.testsupport.kit.LogRecorder;
import io.conduithex.testsupport.postgres.EmbeddedPostgresBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A connection lost while COMMIT is in flight, on a PostgreSQL server this test owns. The server is told to wait
 * for a synchronous standby that does not exist, so a COMMIT that wrote something is durable locally but never
 * answers; a deferred trigger that sleeps makes a COMMIT that has not happened yet. Terminating the committing
 * backend at those moments gives each outcome on purpose: committed, aborted, and (with the database closed to
 * new connections, so nobody can ask) unknown.
 */
class PostgresCommitOutcomeTest {
    private static EmbeddedPostgres server;

    private String database;
    private JdbiPersistence persistence;

    @BeforeAll
    static void startOwnServer() throws IOException {
        server = EmbeddedPostgresBuilder.forTests(100)
                .setServerConfig("synchronous_standby_names", "ghost_standby")
                // Only the databases a test opts in wait for the standby; everything else commits locally.
                .setServerConfig("synchronous_commit", "local")
                .start();
    }

    @AfterAll
    static void stopOwnServer() throws IOException {
        server.close();
    }

    @BeforeEach
    void createDatabase() throws SQLException {
        database = "commit_" + UUID.randomUUID().toString().replace("-", "");
        admin("CREATE DATABASE " + database);
        try (var migrator = JdbiPersistence.open(settings(), new SimpleMeterRegistry())) {
            migrator.migrate();
        }
    }

    /** Opened once the test has set the database up: the pool's connections take its settings as they connect. */
    private JdbiPersistence open() {
        persistence = JdbiPersistence.open(settings(), new SimpleMeterRegistry());
        return persistence;
    }

    private DatabaseSettings settings() {
        return DatabaseSettings.forUrl(server.getJdbcUrl("postgres", database)).toBuilder()
                .poolSize(2)
                .poolTimeout(Duration.ofSeconds(1))
                .build();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try {
            if (persistence != null) {
                LeakCheck.assertNoActiveConnections(persistence);
            }
        } finally {
            if (persistence != null) {
                persistence.close();
            }
            admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            admin("DROP DATABASE " + database + " WITH (FORCE)");
        }
    }

    @Test
    void aCommitConfirmedByTheDatabaseIsASuccessForTheCaller() throws Exception {
        admin("ALTER DATABASE " + database + " SET synchronous_commit = on");
        open();
        try (var logs = LogRecorder.of("io.conduithex.adapter.jdbi.transaction")) {
            var insert = insertInBackground("committed");

            terminateTheBackendWaitingOn("SyncRep");

            assertThat(insert.get(10, TimeUnit.SECONDS)).isEqualTo("committed");
            assertThat(usersNamed("committed")).isEqualTo(1);
            assertThat(logs.lines()).anyMatch(line -> line.contains("the database confirms the transaction committed"));
        }
    }

    @Test
    void aCommitTheDatabaseRolledBackIsRetriedAndStoredOnce() throws Exception {
        sleepAtCommitForEveryNewUser();
        open();
        var meters = new SimpleMeterRegistry();
        var runner = new TransactionRunner(persistence.unitOfWork(), RetrySettings.DEFAULTS, meters);
        var insert = CompletableFuture.supplyAsync(() -> runner.write("insert-user", tx -> {
            tx.users().insert(newUser("aborted"));
            return "stored";
        }));

        terminateTheBackendWaitingOn("PgSleep");

        assertThat(insert.get(20, TimeUnit.SECONDS)).isEqualTo("stored");
        assertThat(usersNamed("aborted")).isEqualTo(1);
        assertThat(meters.counter("conduit.uow.retries", "use_case", "insert-user", "cause", "connection_lost").count())
                .isEqualTo(1.0);
    }

    @Test
    void aCommitRolledBackIsReportedAsTransientSoThatOnlyRollbacksAreRunAgain() throws Exception {
        sleepAtCommitForEveryNewUser();
        open();
        var insert = insertInBackground("aborted-once");

        terminateTheBackendWaitingOn("PgSleep");

        Throwable failure = failureOf(insert);
        assertThat(failure).isInstanceOf(TransientPersistenceException.class)
                .hasMessageContaining("the database confirms the transaction was rolled back");
        assertThat(((TransientPersistenceException) failure).reason())
                .isEqualTo(TransientPersistenceException.Cause.CONNECTION_LOST);
        assertThat(usersNamed("aborted-once")).isZero();
    }

    @Test
    void whenNobodyCanTellTheCallerIsToldSoAndTheOperatorLogSaysIt() throws Exception {
        admin("ALTER DATABASE " + database + " SET synchronous_commit = on");
        open();
        var meters = new SimpleMeterRegistry();
        var runner = new TransactionRunner(persistence.unitOfWork(), RetrySettings.DEFAULTS, meters);
        try (var logs = LogRecorder.of("io.conduithex.adapter.jdbi.transaction")) {
            var insert = CompletableFuture.supplyAsync(() -> runner.write("insert-user", tx -> {
                tx.users().insert(newUser("unknown"));
                return "stored";
            }));
            int waiting = waitForBackendWaitingOn("SyncRep");
            admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            terminate(waiting);

            Throwable failure = failureOf(insert);
            assertThat(failure).isInstanceOf(CommitOutcomeUnknownException.class);
            assertThat(logs.lines()).anyMatch(line -> line.startsWith("ERROR COMMIT OUTCOME UNKNOWN")
                    && line.contains("'insert-user'") && line.contains("not run again"));
        }
        admin("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
        // It had in fact committed: running it again would have stored it twice (or failed on a unique key).
        assertThat(usersNamed("unknown")).isEqualTo(1);
        assertThat(meters.find("conduit.uow.retries").counters()).isEmpty();
    }

    @Test
    void aStoredAnswerBringsBackTheTransactionIdThatALostCommitIsAskedAbout() throws Exception {
        admin("ALTER DATABASE " + database + " SET synchronous_commit = on");
        open();
        var answered = answered("stored-answer");
        try (var logs = LogRecorder.of("io.conduithex.adapter.jdbi.transaction")) {
            var write = CompletableFuture.supplyAsync(() -> persistence.unitOfWork().inTransaction(
                    TransactionSpec.readWrite("keyed-write"), tx -> {
                        tx.users().insert(newUser("keyed"));
                        // The answer is the last statement: the receipt before COMMIT is the id it brought back.
                        return tx.idempotencyKeys().store(answered, Instant.now());
                    }));

            terminateTheBackendWaitingOn("SyncRep");

            assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo(Stored.STORED);
            assertThat(logs.lines()).anyMatch(line -> line.contains("the database confirms the transaction committed"));
            assertThat(usersNamed("keyed")).isEqualTo(1);
        }
    }

    private static KeyRecord answered(String key) {
        return KeyRecord.answered(KeyScope.REGISTRATION, new IdempotencyKey(key),
                RequestFingerprint.of("POST", "/api/users", new byte[0]), Instant.now().plusSeconds(60),
                new StoredResponse(201, "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
    }

    private CompletableFuture<String> insertInBackground(String name) {
        return CompletableFuture.supplyAsync(() -> persistence.unitOfWork().inTransaction(
                TransactionSpec.readWrite("insert-user"), tx -> {
                    tx.users().insert(newUser(name));
                    return name;
                }));
    }

    private static NewUser newUser(String name) {
        return new NewUser(new Email(name + "@example.com"), new Username(name), new PasswordHash("hash"));
    }

    private void sleepAtCommitForEveryNewUser() throws SQLException {
        try (Connection c = server.getDatabase("postgres", database).getConnection(); var st = c.createStatement()) {
            st.execute("CREATE FUNCTION sleep_at_commit() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN PERFORM pg_sleep(1); RETURN NULL; END $$");
            st.execute("CREATE CONSTRAINT TRIGGER sleep_at_commit AFTER INSERT ON users"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sleep_at_commit()");
        }
    }

    private void terminateTheBackendWaitingOn(String waitEvent) throws Exception {
        terminate(waitForBackendWaitingOn(waitEvent));
    }

    private int waitForBackendWaitingOn(String waitEvent) throws Exception {
        return waitForBackendWaitingOn(waitEvent, "commit%");
    }

    /** The pid of the application's backend running a statement like {@code statement}, waiting on {@code waitEvent}. */
    private int waitForBackendWaitingOn(String waitEvent, String statement) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection c = server.getPostgresDatabase().getConnection();
             var query = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE datname = ?"
                     + " AND application_name = 'conduit' AND wait_event = ? AND query ILIKE ?")) {
            query.setString(1, database);
            query.setString(2, waitEvent);
            query.setString(3, statement);
            while (System.nanoTime() < deadline) {
                try (var rs = query.executeQuery()) {
                    if (rs.next()) {
                        return rs.getInt(1);
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no backend of the application was seen committing (waiting on " + waitEvent + ")");
    }

    private static void terminate(int pid) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
             var terminate = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            terminate.setInt(1, pid);
            terminate.execute();
        }
    }

    private long usersNamed(String name) throws SQLException {
        try (Connection c = server.getDatabase("postgres", database).getConnection();
             var query = c.prepareStatement("SELECT count(*) FROM users WHERE username = ?")) {
            query.setString(1, name);
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        try {
            future.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the unit of work succeeded, but it should have failed");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
