package io.conduithex.testsupport.mariadb;

import static io.conduithex.domain.failure.ConstraintViolationException.Kind.CHECK;
import static io.conduithex.domain.failure.ConstraintViolationException.Kind.FOREIGN_KEY;
import static io.conduithex.domain.failure.ConstraintViolationException.Kind.NOT_NULL;
import static io.conduithex.domain.failure.ConstraintViolationException.Kind.UNIQUE;
import static io.conduithex.testsupport.SqlFailures.execute;
import static io.conduithex.testsupport.SqlFailures.failureOf;
import static io.conduithex.testsupport.SqlFailures.follow;
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
 * The MariaDB classifier judged on errors that Connector/J, HikariCP and JDBI really throw against a fresh,
 * migrated database on the shared test server. Each test provokes one failure over plain JDBC and asserts the
 * server's error code and what the failure becomes. The concurrent and lost-connection cases are in
 * {@link MariaDbTransientErrorClassifierTest}.
 */
class MariaDbErrorClassifierTest extends ErrorClassifierScenarios<MariaDbTestDatabase> {

    @Override
    protected MariaDbTestDatabase newDatabase() {
        return MariaDbTestDatabase.create();
    }

    @Override
    protected Connection connect() throws SQLException {
        return database.connect();
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
        assertConstraint(classified, UNIQUE, "users", "email");
        assertThat(((ConstraintViolationException) classified).constraint()).contains("users_email_key");
    }

    @Test
    void aTakenEmailIsAUniqueViolationOfUsersEmailKey() throws SQLException {
        SQLException failure = aTakenEmail();

        assertThat(failure.getErrorCode()).isEqualTo(1062);
        assertTakenEmail(classifier.classify(failure, Phase.WORK));
    }

    /**
     * The constraint violations the shared scenarios provoke, and two of MariaDB's own, each with the server's
     * error code and what MariaDB must report: the kind, the constraint by its schema name, the table and the
     * single column. MariaDB names every primary key PRIMARY and names no table with a duplicate key, nor with a
     * NULL refused by NOT NULL; PostgreSQL names them (follows_pkey on follows, users.email).
     */
    static Stream<Violation> constraintViolations() {
        return Stream.of(
                new Violation(test -> test.aTakenUsername(), 1062, UNIQUE, "users_username_key", "users", "username"),
                new Violation(test -> test.aSecondFollow(), 1062, UNIQUE, "PRIMARY", null, null),
                new Violation(test -> test.aFollowOfAMissingUser(), 1452, FOREIGN_KEY, "follows_followee_fkey",
                        "follows", "followee_id"),
                new Violation(test -> test.aMissingEmail(), 1048, NOT_NULL, null, null, "email"),
                new Violation(test -> test.aFollowOfOneself(), 4025, CHECK, "follows_not_self", "follows", null),
                new Violation(MariaDbErrorClassifierTest::aReferencedUsersNewId, 1451, FOREIGN_KEY,
                        "follows_follower_fkey", "follows", "follower_id"),
                new Violation(MariaDbErrorClassifierTest::aTagLongerThanItsColumn, 1406, CHECK, null, null, "name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constraintViolations")
    void eachConstraintViolationIsClassifiedWithItsKindConstraintTableAndColumn(Violation expected)
            throws SQLException {
        SQLException failure = expected.failure().provokeIn(this);

        assertThat(failure.getErrorCode()).isEqualTo(expected.code());
        PersistenceException classified = classifier.classify(failure, Phase.WORK);
        assertThat(classified).isInstanceOfSatisfying(ConstraintViolationException.class, v -> {
            assertThat(v.kind()).isEqualTo(expected.kind());
            assertThat(v.constraint()).isEqualTo(Optional.ofNullable(expected.constraint()));
            assertThat(v.table()).isEqualTo(Optional.ofNullable(expected.table()));
            assertThat(v.column()).isEqualTo(Optional.ofNullable(expected.column()));
        });
    }

    @Test
    void aMissingTableIsABug() throws SQLException {
        SQLException failure = aQueryOfAMissingTable();

        assertThat(failure.getErrorCode()).isEqualTo(1146);
        assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOf(UnexpectedPersistenceException.class);
    }

    @Test
    void aWriteInAReadOnlyTransactionIsABug() throws SQLException {
        try (Connection c = connect()) {
            execute(c, "SET TRANSACTION READ ONLY");
            c.setAutoCommit(false);

            SQLException failure = failureOf(() -> insertUser(c, "jake@example.com", "jake"));
            c.rollback();

            assertThat(failure.getErrorCode()).isEqualTo(1792);
            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOf(UnexpectedPersistenceException.class);
        }
    }

    @Test
    void aStatementPastMaxStatementTimeIsAQueryTimeout() throws SQLException {
        try (Connection c = connect()) {
            execute(c, "SET SESSION max_statement_time = 0.1");

            SQLException failure = failureOf(() -> execute(c, "SELECT SLEEP(2)"));

            assertThat(failure.getErrorCode()).isEqualTo(1969);
            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOf(QueryTimeoutException.class);
        }
    }

    @Test
    void aServerThatRefusesConnectionsCannotBeConnectedTo() {
        String url = "jdbc:mariadb://127.0.0.1:" + FreePort.pick() + "/conduit?connectTimeout=5000";

        SQLException failure = failureOf(() -> DriverManager.getConnection(url, database.credentials()).close());

        // 08000: the state the pool's connection factory waits out (WaitingDataSource) instead of failing at once.
        assertThat(failure.getSQLState()).isEqualTo("08000");
        assertCannotConnect(classifier.classify(failure, Phase.ACQUIRE));
    }

    @Test
    void aMissingDatabaseCannotBeConnectedTo() {
        SQLException failure = failureOf(
                () -> DriverManager.getConnection(missingDatabaseUrl(), database.credentials()).close());

        assertThat(failure.getErrorCode()).isEqualTo(1049);
        assertCannotConnect(classifier.classify(failure, Phase.ACQUIRE));
    }

    @Test
    void aWrongPasswordIsARefusedLoginNotAnUnreachableServer() {
        Properties wrong = new Properties();
        wrong.setProperty("user", database.server().user());
        wrong.setProperty("password", "not-the-password");

        SQLException failure = failureOf(() -> DriverManager.getConnection(database.url(), wrong).close());

        assertThat(failure.getErrorCode()).isEqualTo(1045);
        assertThat(classifier.classify(failure, Phase.ACQUIRE)).isInstanceOfSatisfying(
                DatabaseUnavailableException.class, u -> assertThat(u.reason()).isEqualTo(Reason.LOGIN_REFUSED));
    }

    @Test
    void aPoolThatTimesOutBecauseTheServerRefusesItsLoginsCannotConnect() {
        HikariConfig config = poolOn(missingDatabaseUrl(), "classifier-test-mariadb-refused");
        config.setConnectionTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SQLException failure = failureOf(() -> pool.getConnection().close());

            assertThat(failure.getCause()).isInstanceOfSatisfying(SQLException.class,
                    refused -> assertThat(refused.getErrorCode()).isEqualTo(1049));
            assertCannotConnect(classifier.classify(failure, Phase.ACQUIRE));
        }
    }

    // --- MariaDB's own failures -----------------------------------------------------------------------------

    /** Jake, followed by jane, given another id: his follower row still points at the old one. */
    private static SQLException aReferencedUsersNewId(MariaDbErrorClassifierTest test) throws SQLException {
        try (Connection c = test.connect()) {
            long jake = insertUser(c, "jake@example.com", "jake");
            long jane = insertUser(c, "jane@example.com", "jane");
            follow(c, jake, jane);
            return failureOf(() -> execute(c, "UPDATE users SET id = id + 1000 WHERE id = " + jake));
        }
    }

    /** A tag of 769 characters, one more than its column holds. */
    private static SQLException aTagLongerThanItsColumn(MariaDbErrorClassifierTest test) throws SQLException {
        try (Connection c = test.connect()) {
            return failureOf(() -> execute(c, "INSERT INTO tags (name) VALUES (REPEAT('x', 769))"));
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** The URL of a database that does not exist, on the test server. */
    private String missingDatabaseUrl() {
        return database.url().replaceFirst("/(conduit_test_\\w+)", "/$1_missing");
    }

    /** One failure, provoked on the test's fresh database. */
    private interface Failure {
        SQLException provokeIn(MariaDbErrorClassifierTest test) throws SQLException;
    }

    /** A failure, the server's error code for it, and the constraint violation it must be classified as. */
    private record Violation(Failure failure, int code, Kind kind, String constraint, String table, String column) {
        @Override
        public String toString() {
            return "error " + code + ": " + kind + " violation of "
                    + Optional.ofNullable(constraint).orElse("an unnamed constraint")
                    + " on " + Optional.ofNullable(table).orElse("an unnamed table")
                    + Optional.ofNullable(column).map(c -> "." + c).orElse("");
        }
    }

    private static void assertCannotConnect(PersistenceException classified) {
        assertThat(classified).isInstanceOfSatisfying(DatabaseUnavailableException.class,
                u -> assertThat(u.reason()).isEqualTo(Reason.CANNOT_CONNECT));
    }
}
