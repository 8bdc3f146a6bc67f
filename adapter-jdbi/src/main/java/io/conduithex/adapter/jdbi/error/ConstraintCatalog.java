package io.conduithex.adapter.jdbi.error;

import java.util.Map;
import java.util.Optional;

/**
 * What each named constraint of our schema protects, for both dialects. PostgreSQL reports the constraint
 * name; SQLite reports {@code table.column} for plain unique and not-null columns and the name for named
 * CHECK constraints. Either way the violation is reported with the table and the API-level column.
 * Keep in step with the migrations.
 */
final class ConstraintCatalog {

    record Target(String table, String column) {
    }

    private static final Map<String, Target> BY_NAME = Map.ofEntries(
            Map.entry("users_email_key", new Target("users", "email")),
            Map.entry("users.email_key", new Target("users", "email")),
            Map.entry("users_username_key", new Target("users", "username")),
            Map.entry("users.username_key", new Target("users", "username")),
            Map.entry("users_pkey", new Target("users", "id")),
            Map.entry("follows_pkey", new Target("follows", null)),
            Map.entry("follows.follower_id", new Target("follows", "follower_id")),
            Map.entry("follows.followee_id", new Target("follows", "followee_id")),
            Map.entry("follows_follower_fkey", new Target("follows", "follower_id")),
            Map.entry("follows_followee_fkey", new Target("follows", "followee_id")),
            Map.entry("follows_not_self", new Target("follows", null)));

    private ConstraintCatalog() {
    }

    static Optional<Target> lookup(String constraintOrColumn) {
        return constraintOrColumn == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(constraintOrColumn));
    }
}
