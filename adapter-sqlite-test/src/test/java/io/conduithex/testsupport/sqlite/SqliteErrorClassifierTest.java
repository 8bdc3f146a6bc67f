package io.conduithex.testsupport.sqlite;

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
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.conduithex.domain.failure.UnexpectedPersistenceException;
import io.conduithex.testsupport.ErrorClassifierScenarios;
import io.conduithex.testsupport.SqliteTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite classifier judged on errors that sqlite-jdbc, HikariCP and JDBI really throw against a fresh,
 * migrated database file. Each test provokes one failure over plain JDBC and asserts what it becomes.
 */
class SqliteErrorClassifierTest extends ErrorClassifierScenarios<SqliteTestDatabase> {

    // Finite, so that a statement that is never interrupted ends the test instead of hanging it.
    private static final String LONG_QUERY =
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100000000) SELECT count(*) FROM n";

    @Override
    protected SqliteTestDatabase newDatabase() {
        return SqliteTestDatabase.create(SqliteTestDatabase.Options.DEFAULTS);
    }

    /** A connection like the adapter's (foreign keys on, WAL) but that never waits for a lock. */
    @Override
    protected Connection connect() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(0);
        return DriverManager.getConnection(database.url(), config.toProperties());
    }

    @Override
    protected Jdbi jdbi() {
        return Jdbi.create(database.url());
    }

    @Override
    protected void assertTakenEmail(PersistenceException classified) {
        assertConstraint(classified, Kind.UNIQUE, "users", "email");
    }

    @Test
    void aTakenEmailIsAUniqueViolationOnTheUsersEmail() throws SQLException {
        assertTakenEmail(classifier.classify(aTakenEmail(), Phase.WORK));
    }

    @Test
    void aTakenUsernameIsAUniqueViolationOnTheUsersUsername() throws SQLException {
        assertConstraint(classifier.classify(aTakenUsername(), Phase.WORK), Kind.UNIQUE, "users", "username");
    }

    @Test
    void followingTheSameUserTwiceIsAUniqueViolationOnFollowsWithoutASingleColumn()
            throws SQLException {
        assertConstraint(classifier.classify(aSecondFollow(), Phase.WORK), Kind.UNIQUE, "follows", null);
    }

    @Test
    void followingAMissingUserIsAForeignKeyViolation() throws SQLException {
        SQLException failure = aFollowOfAMissingUser();

        // SQLite names neither the constraint nor the table of a foreign key violation.
        assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOfSatisfying(
                ConstraintViolationException.class, v -> assertThat(v.kind()).isEqualTo(Kind.FOREIGN_KEY));
    }

    @Test
    void aMissingEmailIsANotNullViolationOnTheUsersEmail() throws SQLException {
        assertConstraint(classifier.classify(aMissingEmail(), Phase.WORK), Kind.NOT_NULL, "users", "email");
    }

    @Test
    void followingOneselfBreaksTheNamedCheckFollowsNotSelf() throws SQLException {
        PersistenceException classified = classifier.classify(aFollowOfOneself(), Phase.WORK);

        assertConstraint(classified, Kind.CHECK, "follows", null);
        assertThat(((ConstraintViolationException) classified).constraint()).contains("follows_not_self");
    }

    @Test
    void aMissingTableIsABug() throws SQLException {
        assertThat(classifier.classify(aQueryOfAMissingTable(), Phase.WORK))
                .isInstanceOf(UnexpectedPersistenceException.class);
    }

    @Test
    void aWriteWhileAnotherConnectionHoldsTheWriteLockIsBusyAndTransient() throws SQLException {
        try (Connection holder = connect(); Connection writer = connect()) {
            execute(holder, "BEGIN IMMEDIATE");
            try {
                SQLException failure = failureOf(() -> insertUser(writer, "jake@example.com", "jake"));

                assertBusy(classifier.classify(failure, Phase.WORK));
                // SQLite refuses a busy write before changing anything, so it is transient in every phase.
                assertBusy(classifier.classify(failure, Phase.COMMIT));
            } finally {
                execute(holder, "ROLLBACK");
            }
        }
    }

    @Test
    void aQueryTimeoutOnlyBoundsTheWaitForALockSoItEndsBusy() throws SQLException {
        // sqlite-jdbc implements Statement.setQueryTimeout as busy_timeout for the duration of the statement:
        // it does not interrupt a running statement. What a timed-out write really throws is SQLITE_BUSY.
        try (Connection holder = connect(); Connection writer = connect()) {
            execute(holder, "BEGIN IMMEDIATE");
            try (Statement statement = writer.createStatement()) {
                statement.setQueryTimeout(1);

                SQLException failure = failureOf(() -> statement.executeUpdate(
                        "INSERT INTO users (email, email_key, username, username_key, password_hash) "
                                + "VALUES ('jake@example.com', 'jake@example.com', 'jake', 'jake', 'hash')"));

                assertBusy(classifier.classify(failure, Phase.WORK));
            } finally {
                execute(holder, "ROLLBACK");
            }
        }
    }

    @Test
    void anInterruptedStatementIsAQueryTimeout() throws SQLException {
        // A deadline for SQLite has to interrupt the statement (a progress handler or Statement.cancel);
        // this handler stops it at its first callback, which is what such a deadline does when it passes.
        try (Connection c = connect()) {
            ProgressHandler.setHandler(c, 1_000, new ProgressHandler() {
                @Override
                protected int progress() {
                    return 1;
                }
            });

            SQLException failure = failureOf(() -> execute(c, LONG_QUERY));

            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOf(QueryTimeoutException.class);
        }
    }

    @Test
    void aWriteOnAQueryOnlyConnectionIsABug() throws SQLException {
        try (Connection c = connect()) {
            execute(c, "PRAGMA query_only = ON");

            SQLException failure = failureOf(() -> insertUser(c, "jake@example.com", "jake"));

            assertThat(classifier.classify(failure, Phase.WORK)).isInstanceOf(UnexpectedPersistenceException.class);
        }
    }

    @Test
    void aPoolThatTimesOutBecauseTheFileCannotBeOpenedCannotConnect() throws SQLException {
        HikariConfig config = poolOn(database.url().replace("conduit.db", "missing-folder/conduit.db"),
                "classifier-test-sqlite-missing");
        config.setConnectionTimeout(1_000);
        // Start without a connection, as a running pool that has lost its file does.
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            SQLException failure = failureOf(() -> pool.getConnection().close());

            assertThat(classifier.classify(failure, Phase.ACQUIRE)).isInstanceOfSatisfying(
                    DatabaseUnavailableException.class, u -> assertThat(u.reason()).isEqualTo(Reason.CANNOT_CONNECT));
        }
    }

    private static void assertBusy(PersistenceException classified) {
        assertThat(classified).isInstanceOfSatisfying(TransientPersistenceException.class,
                t -> assertThat(t.reason()).isEqualTo(Cause.BUSY));
    }
}
