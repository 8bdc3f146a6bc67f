package io.conduithex.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the clients were told is stored, checked against the database itself: every username, slug and comment
 * id that a 2xx answer acknowledged must be there, and no write is there twice. Read straight from the database,
 * not through the application, in SQL that every server understands.
 */
final class StoredWrites {

    private StoredWrites() {
    }

    /** Fails naming every acknowledged write that the database does not hold. */
    static void assertEveryAcknowledgedWriteIsStored(Connection connection, Collection<Call> calls)
            throws SQLException {
        Set<String> usernames = new TreeSet<>();
        Set<String> slugs = new TreeSet<>();
        Set<String> commentIds = new TreeSet<>();
        for (Call call : calls) {
            if (call.acknowledged() == null) {
                continue;
            }
            switch (call.operation()) {
                case REGISTER -> usernames.add(call.acknowledged());
                case CREATE_ARTICLE -> slugs.add(call.acknowledged());
                case COMMENT -> commentIds.add(call.acknowledged());
                default -> throw new IllegalStateException("a read acknowledged something: " + call);
            }
        }
        assertThat(missing(connection, "SELECT username FROM users", usernames))
                .as("acknowledged registrations missing from the database").isEmpty();
        assertThat(missing(connection, "SELECT slug FROM articles", slugs))
                .as("acknowledged articles missing from the database").isEmpty();
        assertThat(missing(connection, "SELECT id FROM comments", commentIds))
                .as("acknowledged comments missing from the database").isEmpty();
    }

    /**
     * Fails naming every article title and comment body stored more than once. The load gives each article and
     * comment a text of its own, so a duplicate is a write run again after it had committed: what a blind retry of
     * a lost COMMIT would do, whether or not the client was told it succeeded. (A username is unique anyway.)
     */
    static void assertNothingStoredTwice(Connection connection) throws SQLException {
        assertThat(rows(connection, "SELECT title FROM articles GROUP BY title HAVING count(*) > 1"))
                .as("articles stored twice").isEmpty();
        assertThat(rows(connection, "SELECT body FROM comments GROUP BY body HAVING count(*) > 1"))
                .as("comments stored twice").isEmpty();
    }

    private static Set<String> rows(Connection connection, String sql) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    /** Those of {@code expected} that {@code sql} (one column, every row of a test's small table) does not answer. */
    private static Set<String> missing(Connection connection, String sql, Set<String> expected) throws SQLException {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(rows(connection, sql));
        return missing;
    }
}
