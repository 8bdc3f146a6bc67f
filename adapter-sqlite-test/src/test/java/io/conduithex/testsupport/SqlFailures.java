package io.conduithex.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** Plain-JDBC steps for tests that make the database refuse something, and catching what it throws. */
public final class SqlFailures {
    private SqlFailures() {
    }

    @FunctionalInterface
    public interface SqlAction {
        void run() throws SQLException;
    }

    /** What {@code action} threw; fails when it threw nothing. */
    public static SQLException failureOf(SqlAction action) {
        SQLException failure = catchThrowableOfType(SQLException.class, action::run);
        assertThat((Throwable) failure).as("the database should have refused this").isNotNull();
        return failure;
    }

    /** Inserts a user with a placeholder hash; returns its id. */
    public static long insertUser(Connection c, String email, String username) throws SQLException {
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

    public static void follow(Connection c, long follower, long followee) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO follows (follower_id, followee_id) VALUES (?, ?)")) {
            insert.setLong(1, follower);
            insert.setLong(2, followee);
            insert.executeUpdate();
        }
    }

    public static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
