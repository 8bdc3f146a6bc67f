package io.conduithex.testsupport.postgres;

import static io.conduithex.domain.failure.ConstraintViolationException.Kind.CHECK;
import static io.conduithex.domain.failure.ConstraintViolationException.Kind.FOREIGN_KEY;
import static io.conduithex.domain.failure.ConstraintViolationException.Kind.NOT_NULL;
import static io.conduithex.domain.failure.ConstraintViolationException.Kind.UNIQUE;
import static io.conduithex.testsupport.SqlFailures.execute;
import static io.conduithex.testsupport.SqlFailures.failureOf;
import static io.conduithex.testsupport.SqlFailures.insertUser;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.failure.ConstraintViolationException.Kind;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.failure.DatabaseUnavailableException.Reason;
import io.conduithex.domain.failure.PersistenceException;
import io.conduithex.domain.failure.QueryTimeoutException;
import io.conduithex.domain.failure.UnexpectedPersistenceException;
import io.conduithex.testsupport.ErrorClassifierScenarios;
import io.conduithex.testsupport.kit.FreePort;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PostgreSQL classifier judged on errors that pgjdbc, HikariCP and JDBI really throw against a fresh,
 * migrated database on the shared test server. Each test provokes one failure over plain JDBC and asserts
 * what it becomes.
 */
class PostgresErrorClassifierTest extends ErrorClassifierScenarios<PostgresTestDatabase> {

    /** Every wait on the server ends by this, whatever goes wrong in a test. */
    private static final int SAFETY_STATEMENT_TIMEOUT_MS = 20_000;
    private static final long WAIT_SECONDS = 30;

    @Override
    protected PostgresTestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }

    @Override
    protected Connection connect() throws SQLException {
        Properties properties = database.credentials();
        properties.setProperty("options", "-c statement_timeout=" + SAFETY_STATEMENT_TIMEOUT_MS);
        return DriverManager.getConnection(database.url(), properties);
    }

    @Override
    protected Jdbi jdbi() {
        return Jdbi.create(database.url(), database.credentials());
    }

    @Override
    protected HikariConfig poolOn(String url, String name) {
        HikariConfig config = super.poolOn(url, name);
        config.setUsername(database.server().user());
        config.setPassword(database.server().password());
        return config;
    }

    @Override
    protected void assertTakenEmail(PersistenceException classified) {
        assertConstraint(classified, UNIQUE, "users_email_key", "users", "email");
    }

    @Test
    void aTakenEmailIsAUniqueViolationOfUsersEmailKey() throws SQLException {
        assertTakenEmail(classifier.classify(aTakenEmail(), Phase.WORK));
    }

    /**
     * The constraint violations the shared scenarios provoke, each with what PostgreSQL must report: the kind, the
     * constraint by its schema name, the table and the single column (null where the constraint has none, or
     * where PostgreSQL names none).
     */
    static Stream<Violation> constraintViolations() {
        return Stream.of(
                new Violation(test -> test.aTakenUsername(), UNIQUE, "users_username_key", "users", "username"),
                new Violation(test -> test.aSecondFollow(), UNIQUE, "follows_pkey", "follows", null),
                new Violation(test -> test.aFollowOfAMissingUser(), FOREIGN_KEY, "follows_followee_fkey", "follows",
                        "followee_id"),
                new Violation(test -> test.aMissingEmail(), NOT_NULL, null, "users", "email"),
                new Violation(test -> test.aFollowOfOneself(), CHECK, "follows_not_self", "follows", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constraintViolations")
    void eachConstraintViolationIsClassifiedWithItsKindConstraintTableAndColumn(Violation expected)
            throws SQLException {
        PersistenceException classified = classifier.classify(expected.failure().provokeIn(this), Phase.WORK);

        assertConstraint(classified, expected.kind(), expected.constraint(), expected.table(), expected.column());
    }

    @Test
    void aMissingTableIsABug() throws SQLException {
        SQLException failure = aQueryOfAMissingTable();

        assertThat(failure.getSQLState()).isEqualTo("42P01");
        assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOf(UnexpectedPersistenceException.class);
    }

    @Test
    void aWriteInAReadOnlyTransactionIsABug() throws SQLException {
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
    void aStatementPastTheStatementTimeoutIsAQueryTimeout() throws SQLException {
        try (Connection c = connect()) {
            execute(c, "SET statement_timeout = 100");

            SQLException failure = failureOf(() -> execute(c, "SELECT pg_sleep(2)"));

            assertThat(failure.getSQLState()).isEqualTo("57014");
            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOf(QueryTimeoutException.class);
        }
    }

    @Test
    void aServerThatRefusesConnectionsCannotBeConnectedTo() {
        String url = "jdbc:postgresql://localhost:" + FreePort.pick() + "/conduit?connectTimeout=5";

        SQLException failure = failureOf(() -> DriverManager.getConnection(url, database.credentials()).close());

        assertThat(failure.getSQLState()).isEqualTo("08001");
        assertCannotConnect(classifier.classify(failure, Phase.ACQUIRE));
    }

    @Test
    void aPoolThatTimesOutBecauseTheServerRefusesConnectionsCannotConnect() {
        HikariConfig config = poolOn("jdbc:postgresql://localhost:" + FreePort.pick() + "/conduit?connectTimeout=5",
                "classifier-test-postgres-closed-port");
        config.setConnectionTimeout(1_000);
        // Start without a connection, as a running pool that has lost its server does.
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SQLException failure = failureOf(() -> pool.getConnection().close());

            assertCannotConnect(classifier.classify(failure, Phase.ACQUIRE));
        }
    }

    @Test
    void aServerThatRefusesTheLoginCannotBeConnectedTo() {
        SQLException failure = failureOf(
                () -> DriverManager.getConnection(missingDatabaseUrl(), database.credentials()).close());

        assertThat(failure.getSQLState()).isEqualTo("3D000");
        assertCannotConnect(classifier.classify(failure, Phase.ACQUIRE));
    }

    @Test
    void aRoleThatMayNotLogInIsARefusedLoginNotAnUnreachableServer() throws SQLException {
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
    void aPoolThatTimesOutBecauseTheServerRefusesItsLoginsCannotConnect() {
        // The server answers but refuses every login (here: 3D000, the database does not exist).
        HikariConfig config = poolOn(missingDatabaseUrl(), "classifier-test-postgres-refused");
        config.setConnectionTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SQLException failure = failureOf(() -> pool.getConnection().close());

            assertThat(failure.getCause()).isInstanceOfSatisfying(SQLException.class,
                    refused -> assertThat(refused.getSQLState()).isEqualTo("3D000"));
            assertCannotConnect(classifier.classify(failure, Phase.ACQUIRE));
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** The URL of a database that does not exist, on the test server. */
    private String missingDatabaseUrl() {
        return database.url().replaceFirst("/(conduit_test_\\w+)", "/$1_missing");
    }

    /** One of the shared scenarios' failures, provoked on the test's fresh database. */
    private interface Failure {
        SQLException provokeIn(PostgresErrorClassifierTest test) throws SQLException;
    }

    /** A failure and the constraint violation it must be classified as. */
    private record Violation(Failure failure, Kind kind, String constraint, String table, String column) {
        @Override
        public String toString() {
            return kind + " violation of " + Optional.ofNullable(constraint).orElse("an unnamed constraint")
                    + " on " + table + Optional.ofNullable(column).map(c -> "." + c).orElse("");
        }
    }

    private static void assertConstraint(PersistenceException classified, Kind kind, String constraint, String table,
                                         String column) {
        assertConstraint(classified, kind, table, column);
        assertThat(((ConstraintViolationException) classified).constraint()).isEqualTo(Optional.ofNullable(constraint));
    }

    private static void assertCannotConnect(PersistenceException classified) {
        assertThat(classified).isInstanceOfSatisfying(DatabaseUnavailableException.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.CANNOT_CONNECT));
    }
}
