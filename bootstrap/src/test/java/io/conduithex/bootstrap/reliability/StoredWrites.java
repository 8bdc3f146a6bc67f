package io.conduithex.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the clients were told is stored, checked against the database itself: every username, slug and comment
 * id that a 2xx answer acknowledged must be there. Read straight from PostgreSQL, not through the application.
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
        assertThat(missing(connection, "SELECT username FROM users WHERE username = ANY(?)", "text", usernames))
                .as("acknowledged registrations missing from the database").isEmpty();
        assertThat(missing(connection, "SELECT slug FROM articles WHERE slug = ANY(?)", "text", slugs))
                .as("acknowledged articles missing from the database").isEmpty();
        assertThat(missing(connection, "SELECT id::text FROM comments WHERE id = ANY(?::bigint[])", "text",
                commentIds)).as("acknowledged comments missing from the database").isEmpty();
    }

    private static Set<String> missing(Connection connection, String sql, String type, Set<String> expected)
            throws SQLException {
        Set<String> missing = new HashSet<>(expected);
        try (var statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf(type, expected.toArray()));
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    missing.remove(result.getString(1));
                }
            }
        }
        return new TreeSet<>(missing);
    }
}
