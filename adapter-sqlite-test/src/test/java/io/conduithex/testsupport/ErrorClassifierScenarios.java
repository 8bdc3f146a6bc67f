package io.conduithex.testsupport;

import static io.conduithex.testsupport.SqlFailures.execute;
import static io.conduithex.testsupport.SqlFailures.failureOf;
import static io.conduithex.testsupport.SqlFailures.follow;
import static io.conduithex.testsupport.SqlFailures.insertUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.failure.ConstraintViolationException.Kind;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.failure.DatabaseUnavailableException.Reason;
import io.conduithex.domain.failure.PersistenceException;
import io.conduithex.testsupport.kit.DatabasePerTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the classifier tests of every dialect share: a fresh, migrated database per test with a leak check after
 * it, the failures both dialects are made to raise over plain JDBC (a taken e-mail, a second follow, a missing
 * table...), and the cases whose expectation is the same everywhere. A subclass per dialect supplies the database
 * and its connections, and states in its own cases what its classifier makes of each failure: the scenarios are
 * shared, the expectations are the dialect's.
 */
public abstract class ErrorClassifierScenarios<D extends TestDatabase> {

    @RegisterExtension
    final DatabasePerTest<D> fresh = new DatabasePerTest<>(this::newDatabase);
    protected D database;
    protected SqlErrorClassifier classifier;

    /** A fresh, migrated database for one test. */
    protected abstract D newDatabase();

    /** A plain connection of the test's own to the test database, outside the pool. The caller closes it. */
    protected abstract Connection connect() throws SQLException;

    /** JDBI over the test database, as the adapter's callers would reach it. */
    protected abstract Jdbi jdbi();

    /** A pool of at most one connection on {@code url}, logged in as the test database is. */
    protected HikariConfig poolOn(String url, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(1);
        return config;
    }

    /** What this dialect's classifier must make of {@link #aTakenEmail()}, however it was wrapped. */
    protected abstract void assertTakenEmail(PersistenceException classified);

    @BeforeEach
    final void useTheFreshDatabase() {
        database = fresh.database();
        classifier = database.persistence().classifier();
    }

    @Test
    void aUniqueViolationWrappedByJdbiIsClassifiedLikeTheBareOne() {
        Jdbi jdbi = jdbi();
        String insert = "INSERT INTO users (email, email_key, username, username_key, password_hash) "
                + "VALUES ('jake@example.com', 'jake@example.com', ?, ?, 'hash')";
        jdbi.useHandle(handle -> handle.execute(insert, "jake", "jake"));

        JdbiException failure = catchThrowableOfType(JdbiException.class,
                () -> jdbi.useHandle(handle -> handle.execute(insert, "jake2", "jake2")));

        assertTakenEmail(classifier.classify(failure, Phase.WORK));
    }

    @Test
    void aPoolThatTimesOutWithEveryConnectionLentIsExhausted() throws SQLException {
        HikariConfig config = poolOn(database.url(), "classifier-test-" + getClass().getSimpleName() + "-exhausted");
        config.setConnectionTimeout(250);
        try (HikariDataSource pool = new HikariDataSource(config); Connection held = pool.getConnection()) {
            assertThat(held.isValid(1)).isTrue();

            SQLException failure = failureOf(() -> pool.getConnection().close());

            assertThat(classifier.classify(failure, Phase.ACQUIRE)).isInstanceOfSatisfying(
                    DatabaseUnavailableException.class, u -> assertThat(u.reason()).isEqualTo(Reason.POOL_EXHAUSTED));
        }
    }

    // --- the failures ---------------------------------------------------------------------------------------

    /** A second user registering jake's e-mail. */
    protected SQLException aTakenEmail() throws SQLException {
        try (Connection c = connect()) {
            insertUser(c, "jake@example.com", "jake");
            return failureOf(() -> insertUser(c, "jake@example.com", "jake2"));
        }
    }

    /** A second user registering jake's username. */
    protected SQLException aTakenUsername() throws SQLException {
        try (Connection c = connect()) {
            insertUser(c, "jake@example.com", "jake");
            return failureOf(() -> insertUser(c, "other@example.com", "jake"));
        }
    }

    /** Jake following jane a second time. */
    protected SQLException aSecondFollow() throws SQLException {
        try (Connection c = connect()) {
            long jake = insertUser(c, "jake@example.com", "jake");
            long jane = insertUser(c, "jane@example.com", "jane");
            follow(c, jake, jane);
            return failureOf(() -> follow(c, jake, jane));
        }
    }

    /** Jake following a user who does not exist. */
    protected SQLException aFollowOfAMissingUser() throws SQLException {
        try (Connection c = connect()) {
            long jake = insertUser(c, "jake@example.com", "jake");
            return failureOf(() -> follow(c, jake, jake + 1000));
        }
    }

    /** A user without an e-mail. */
    protected SQLException aMissingEmail() throws SQLException {
        try (Connection c = connect()) {
            return failureOf(() -> insertUser(c, null, "jake"));
        }
    }

    /** Jake following himself. */
    protected SQLException aFollowOfOneself() throws SQLException {
        try (Connection c = connect()) {
            long jake = insertUser(c, "jake@example.com", "jake");
            return failureOf(() -> follow(c, jake, jake));
        }
    }

    /** A query of a table that does not exist. */
    protected SQLException aQueryOfAMissingTable() throws SQLException {
        try (Connection c = connect()) {
            return failureOf(() -> execute(c, "SELECT * FROM no_such_table"));
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** A constraint violation of {@code kind} on {@code table}, naming {@code column} (or no column when null). */
    protected static void assertConstraint(PersistenceException classified, Kind kind, String table, String column) {
        assertThat(classified).isInstanceOfSatisfying(ConstraintViolationException.class, v -> {
            assertThat(v.kind()).isEqualTo(kind);
            assertThat(v.table()).contains(table);
            assertThat(v.column()).isEqualTo(Optional.ofNullable(column));
        });
    }
}
