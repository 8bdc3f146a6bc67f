package io.conduithex.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.failure.ConstraintViolationException.Kind;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.failure.DatabaseUnavailableException.Reason;
import io.conduithex.domain.failure.PersistenceException;
import io.conduithex.domain.failure.QueryTimeoutException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.conduithex.domain.failure.UnexpectedPersistenceException;
import io.conduithex.testsupport.LeakCheck;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL classifier judged on errors that pgjdbc, HikariCP and JDBI really throw against a fresh,
 * migrated database on the shared test server. Each test provokes one failure over plain JDBC and asserts
 * what it becomes.
 */
class PostgresErrorClassifierTest {

    /** Every wait on the server ends by this, whatever goes wrong in a test. */
    private static final int SAFETY_STATEMENT_TIMEOUT_MS = 20_000;
    private static final long WAIT_SECONDS = 30;

    private PostgresTestDatabase database;
    private SqlErrorClassifier classifier;

    @BeforeEach
    void openDatabase() {
        database = PostgresTestDatabase.create();
        classifier = database.persistence().classifier();
    }

    @AfterEach
    void checkForLeaksAndClose() {
        try {
            LeakCheck.assertNoActiveConnections(database.persistence());
        } finally {
            database.close();
        }
    }

    @Test
    void a_taken_email_is_a_unique_violation_of_users_email_key() throws SQLException {
        try (Connection c = connect()) {
            insertUser(c, "jake@example.com", "jake");

            SQLException failure = failureOf(() -> insertUser(c, "jake@example.com", "jake2"));

            assertConstraint(classifier.classify(failure, Phase.WORK),
                    Kind.UNIQUE, "users_email_key", "users", "email");
        }
    }

    @Test
    void a_taken_username_is_a_unique_violation_of_users_username_key() throws SQLException {
        try (Connection c = connect()) {
            insertUser(c, "jake@example.com", "jake");

            SQLException failure = failureOf(() -> insertUser(c, "other@example.com", "jake"));

            assertConstraint(classifier.classify(failure, Phase.WORK),
                    Kind.UNIQUE, "users_username_key", "users", "username");
        }
    }

    @Test
    void following_the_same_user_twice_is_a_unique_violation_of_follows_pkey() throws SQLException {
        try (Connection c = connect()) {
            long jake = insertUser(c, "jake@example.com", "jake");
            long jane = insertUser(c, "jane@example.com", "jane");
            follow(c, jake, jane);

            SQLException failure = failureOf(() -> follow(c, jake, jane));

            assertConstraint(classifier.classify(failure, Phase.WORK), Kind.UNIQUE, "follows_pkey", "follows", null);
        }
    }

    @Test
    void following_a_missing_user_is_a_foreign_key_violation_of_follows_followee_fkey() throws SQLException {
        try (Connection c = connect()) {
            long jake = insertUser(c, "jake@example.com", "jake");

            SQLException failure = failureOf(() -> follow(c, jake, jake + 1000));

            assertConstraint(classifier.classify(failure, Phase.WORK),
                    Kind.FOREIGN_KEY, "follows_followee_fkey", "follows", "followee_id");
        }
    }

    @Test
    void a_missing_email_is_a_not_null_violation_that_names_the_column() throws SQLException {
        try (Connection c = connect()) {
            SQLException failure = failureOf(() -> insertUser(c, null, "jake"));

            assertConstraint(classifier.classify(failure, Phase.WORK), Kind.NOT_NULL, null, "users", "email");
        }
    }

    @Test
    void following_oneself_breaks_the_named_check_follows_not_self() throws SQLException {
        try (Connection c = connect()) {
            long jake = insertUser(c, "jake@example.com", "jake");

            SQLException failure = failureOf(() -> follow(c, jake, jake));

            assertConstraint(classifier.classify(failure, Phase.WORK), Kind.CHECK, "follows_not_self", "follows", null);
        }
    }

    @Test
    void a_unique_violation_wrapped_by_jdbi_is_classified_like_the_bare_one() {
        Jdbi jdbi = Jdbi.create(database.url(), credentials());
        String insert = "INSERT INTO users (email, email_key, username, username_key, password_hash) "
                + "VALUES ('jake@example.com', 'jake@example.com', ?, ?, 'hash')";
        jdbi.useHandle(handle -> handle.execute(insert, "jake", "jake"));

        JdbiException failure = catchThrowableOfType(JdbiException.class,
                () -> jdbi.useHandle(handle -> handle.execute(insert, "jake2", "jake2")));

        assertConstraint(classifier.classify(failure, Phase.WORK), Kind.UNIQUE, "users_email_key", "users", "email");
    }

    @Test
    void a_missing_table_is_a_bug() throws SQLException {
        try (Connection c = connect()) {
            SQLException failure = failureOf(() -> execute(c, "SELECT * FROM no_such_table"));

            assertThat(failure.getSQLState()).isEqualTo("42P01");
            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOf(UnexpectedPersistenceException.class);
        }
    }

    @Test
    void a_write_in_a_read_only_transaction_is_a_bug() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            execute(c, "SET TRANSACTION READ ONLY");

            SQLException failure = failureOf(() -> insertUser(c, "jake@example.com", "jake"));
            c.rollback();

            assertThat(failure.getSQLState()).isEqualTo("25006");
            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOf(UnexpectedPersistenceException.class);
        }
    }

    @Test
    void two_transactions_locking_rows_in_opposite_order_deadlock_and_the_victim_is_transient() throws Exception {
        long jake;
        long jane;
        try (Connection c = connect()) {
            jake = insertUser(c, "jake@example.com", "jake");
            jane = insertUser(c, "jane@example.com", "jane");
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection first = connect(); Connection second = connect()) {
            for (Connection c : List.of(first, second)) {
                shortenDeadlockTimeout(c);
                c.setAutoCommit(false);
            }
            CountDownLatch bothHoldTheirFirstLock = new CountDownLatch(2);
            Future<SQLException> a = threads.submit(() -> updateInOrder(first, jake, jane, bothHoldTheirFirstLock));
            Future<SQLException> b = threads.submit(() -> updateInOrder(second, jane, jake, bothHoldTheirFirstLock));

            List<SQLException> failures = new ArrayList<>();
            for (Future<SQLException> outcome : List.of(a, b)) {
                SQLException failure = outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
                if (failure != null) {
                    failures.add(failure);
                }
            }

            assertThat(failures).as("the server aborts exactly one of the two").hasSize(1);
            assertThat(classifier.classify(failures.get(0), Phase.WORK)).isInstanceOfSatisfying(
                    TransientPersistenceException.class, t -> assertThat(t.reason()).isEqualTo(Cause.DEADLOCK));
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void serializable_transactions_with_a_write_skew_fail_with_a_transient_serialization_failure()
            throws SQLException {
        // Each counts the users, then adds one: run one after the other, the second would have counted one more.
        try (Connection first = connect(); Connection second = connect()) {
            for (Connection c : List.of(first, second)) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            }
            countUsers(first);
            countUsers(second);
            insertUser(first, "jake@example.com", "jake");

            SQLException failure = failureOf(() -> {
                insertUser(second, "jane@example.com", "jane");
                first.commit();
                second.commit();
            });
            first.rollback();
            second.rollback();

            assertThat(failure.getSQLState()).isEqualTo("40001");
            // Refused, never stored: a serialization failure is transient even when COMMIT reports it.
            for (Phase phase : List.of(Phase.WORK, Phase.COMMIT)) {
                assertThat(classifier.classify(failure, phase)).isInstanceOfSatisfying(TransientPersistenceException.class,
                        t -> assertThat(t.reason()).isEqualTo(Cause.SERIALIZATION_FAILURE));
            }
        }
    }

    @Test
    void a_statement_past_the_statement_timeout_is_a_query_timeout() throws SQLException {
        try (Connection c = connect()) {
            execute(c, "SET statement_timeout = 100");

            SQLException failure = failureOf(() -> execute(c, "SELECT pg_sleep(2)"));

            assertThat(failure.getSQLState()).isEqualTo("57014");
            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOf(QueryTimeoutException.class);
        }
    }

    @Test
    void a_connection_terminated_inside_a_transaction_is_lost_before_commit_and_of_unknown_outcome_at_commit()
            throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            insertUser(c, "jake@example.com", "jake");
            terminate(backendPid(c));

            SQLException failure = failureOf(() -> insertUser(c, "jane@example.com", "jane"));

            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOfSatisfying(TransientPersistenceException.class,
                    t -> assertThat(t.reason()).isEqualTo(Cause.CONNECTION_LOST));
            assertThat(classifier.classify(failure, Phase.COMMIT)).isInstanceOf(CommitOutcomeUnknownException.class);
        }
    }

    @Test
    void a_commit_on_a_terminated_connection_has_an_unknown_outcome() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            insertUser(c, "jake@example.com", "jake");
            terminate(backendPid(c));

            SQLException failure = failureOf(c::commit);

            assertThat(classifier.classify(failure, Phase.COMMIT)).isInstanceOf(CommitOutcomeUnknownException.class);
        }
    }

    @Test
    void a_server_that_refuses_connections_cannot_be_connected_to() throws IOException {
        String url = "jdbc:postgresql://localhost:" + closedPort() + "/conduit?connectTimeout=5";

        SQLException failure = failureOf(() -> DriverManager.getConnection(url, credentials()).close());

        assertThat(failure.getSQLState()).isEqualTo("08001");
        assertCannotConnect(classifier.classify(failure, Phase.ACQUIRE));
    }

    @Test
    void a_pool_that_times_out_because_the_server_refuses_connections_cannot_connect() throws IOException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("classifier-test-postgres-closed-port");
        config.setJdbcUrl("jdbc:postgresql://localhost:" + closedPort() + "/conduit?connectTimeout=5");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1_000);
        // Start without a connection, as a running pool that has lost its server does.
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SQLException failure = failureOf(() -> pool.getConnection().close());

            assertCannotConnect(classifier.classify(failure, Phase.ACQUIRE));
        }
    }

    @Test
    void a_server_that_refuses_the_login_cannot_be_connected_to() {
        SQLException failure = failureOf(() -> DriverManager.getConnection(missingDatabaseUrl(), credentials()).close());

        assertThat(failure.getSQLState()).isEqualTo("3D000");
        assertCannotConnect(classifier.classify(failure, Phase.ACQUIRE));
    }

    @Test
    void a_role_that_may_not_log_in_is_a_refused_login_not_an_unreachable_server() throws SQLException {
        String role = "nologin_" + Long.toHexString(System.nanoTime());
        try (Connection admin = database.server().connectAsAdmin()) {
            execute(admin, "CREATE ROLE " + role + " NOLOGIN");
        }
        try {
            var properties = new Properties();
            properties.setProperty("user", role);
            SQLException failure = failureOf(() -> DriverManager.getConnection(database.url(), properties).close());

            assertThat(failure.getSQLState()).isEqualTo("28000");
            assertThat(classifier.classify(failure, Phase.ACQUIRE)).isInstanceOfSatisfying(
                    DatabaseUnavailableException.class, u -> assertThat(u.reason()).isEqualTo(Reason.LOGIN_REFUSED));
        } finally {
            try (Connection admin = database.server().connectAsAdmin()) {
                execute(admin, "DROP ROLE " + role);
            }
        }
    }

    @Test
    void a_pool_that_times_out_because_the_server_refuses_its_logins_cannot_connect() {
        // The server answers but refuses every login (here: 3D000, the database does not exist).
        HikariConfig config = new HikariConfig();
        config.setPoolName("classifier-test-postgres-refused");
        config.setJdbcUrl(missingDatabaseUrl());
        config.setUsername(database.server().user());
        config.setPassword(database.server().password());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SQLException failure = failureOf(() -> pool.getConnection().close());

            assertThat(failure.getCause()).isInstanceOfSatisfying(SQLException.class,
                    refused -> assertThat(refused.getSQLState()).isEqualTo("3D000"));
            assertCannotConnect(classifier.classify(failure, Phase.ACQUIRE));
        }
    }

    @Test
    void a_pool_that_times_out_with_every_connection_lent_is_exhausted() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("classifier-test-postgres-exhausted");
        config.setJdbcUrl(database.url());
        config.setUsername(database.server().user());
        config.setPassword(database.server().password());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        try (HikariDataSource pool = new HikariDataSource(config); Connection held = pool.getConnection()) {
            assertThat(held.isValid(1)).isTrue();

            SQLException failure = failureOf(() -> pool.getConnection().close());

            assertThat(classifier.classify(failure, Phase.ACQUIRE)).isInstanceOfSatisfying(
                    DatabaseUnavailableException.class, u -> assertThat(u.reason()).isEqualTo(Reason.POOL_EXHAUSTED));
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    private static SQLException failureOf(SqlAction action) {
        SQLException failure = catchThrowableOfType(SQLException.class, action::run);
        assertThat((Throwable) failure).as("the database should have refused this").isNotNull();
        return failure;
    }

    private Properties credentials() {
        Properties properties = new Properties();
        PostgresServer server = database.server();
        if (server.user() != null) {
            properties.setProperty("user", server.user());
        }
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        return properties;
    }

    /** The URL of a database that does not exist, on the test server. */
    private String missingDatabaseUrl() {
        return database.url().replaceFirst("/(conduit_test_\\w+)", "/$1_missing");
    }

    private Connection connect() throws SQLException {
        Properties properties = credentials();
        properties.setProperty("options", "-c statement_timeout=" + SAFETY_STATEMENT_TIMEOUT_MS);
        return DriverManager.getConnection(database.url(), properties);
    }

    /** Detects the deadlock in 100 ms instead of a second, where the server lets us (superusers only). */
    private static void shortenDeadlockTimeout(Connection c) {
        try {
            execute(c, "SET deadlock_timeout = '100ms'");
        } catch (SQLException notAllowed) {
            // The default (1 s) still detects it, only later.
        }
    }

    private static SQLException updateInOrder(Connection c, long first, long second, CountDownLatch bothLocked)
            throws SQLException, InterruptedException {
        try {
            touch(c, first);
            bothLocked.countDown();
            if (!bothLocked.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the other transaction never took its first lock");
            }
            touch(c, second);
            c.commit();
            return null;
        } catch (SQLException failure) {
            c.rollback();
            return failure;
        }
    }

    private static void touch(Connection c, long userId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE users SET bio = 'touched' WHERE id = ?")) {
            update.setLong(1, userId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static void countUsers(Connection c) throws SQLException {
        try (Statement statement = c.createStatement(); var rows = statement.executeQuery("SELECT count(*) FROM users")) {
            rows.next();
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement statement = c.createStatement(); var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Ends a session as an operator would, and waits (bounded) until it is gone. */
    private void terminate(int pid) throws SQLException {
        try (Connection admin = database.server().connectAsAdmin();
             PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?, ?)")) {
            kill.setInt(1, pid);
            kill.setLong(2, WAIT_SECONDS * 1000);
            try (var rows = kill.executeQuery()) {
                rows.next();
                assertThat(rows.getBoolean(1)).as("backend %s terminated", pid).isTrue();
            }
        }
    }

    /** A local port that nothing listens on (it was free a moment ago). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long insertUser(Connection c, String email, String username) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO users (email, email_key, username, username_key, password_hash) "
                        + "VALUES (?, ?, ?, ?, 'hash') RETURNING id")) {
            insert.setString(1, email);
            insert.setString(2, email);
            insert.setString(3, username);
            insert.setString(4, username);
            try (var rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void follow(Connection c, long follower, long followee) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO follows (follower_id, followee_id) VALUES (?, ?)")) {
            insert.setLong(1, follower);
            insert.setLong(2, followee);
            insert.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void assertConstraint(PersistenceException classified, Kind kind, String constraint, String table,
                                         String column) {
        assertThat(classified).isInstanceOfSatisfying(ConstraintViolationException.class, v -> {
            assertThat(v.kind()).isEqualTo(kind);
            assertThat(v.constraint()).isEqualTo(Optional.ofNullable(constraint));
            assertThat(v.table()).contains(table);
            assertThat(v.column()).isEqualTo(Optional.ofNullable(column));
        });
    }

    private static void assertCannotConnect(PersistenceException classified) {
        assertThat(classified).isInstanceOfSatisfying(DatabaseUnavailableException.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.CANNOT_CONNECT));
    }
}
