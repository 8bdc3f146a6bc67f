package io.conduithex.adapter.jdbi.error;

import java.util.Map;
import java.util.Optional;

/**
 * What each named constraint of our schema protects, for every dialect. PostgreSQL and MariaDB report the
 * constraint name (MariaDB's primary keys are all named {@code PRIMARY}, so those are not listed for it); SQLite
 * reports {@code table.column} for plain unique and not-null columns and the name for named CHECK constraints. Either way the violation is reported with the table and the API-level column.
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
            Map.entry("follows_not_self", new Target("follows", null)),
            Map.entry("articles_slug_key", new Target("articles", "slug")),
            Map.entry("articles.slug", new Target("articles", "slug")),
            Map.entry("articles_author_fkey", new Target("articles", "author_id")),
            Map.entry("articles_favorites_count_not_negative", new Target("articles", "favorites_count")),
            Map.entry("tags_name_key", new Target("tags", "name")),
            Map.entry("tags.name", new Target("tags", "name")),
            Map.entry("article_tags_pkey", new Target("article_tags", null)),
            Map.entry("article_tags_article_fkey", new Target("article_tags", "article_id")),
            Map.entry("article_tags_tag_fkey", new Target("article_tags", "tag_id")),
            Map.entry("favorites_pkey", new Target("favorites", null)),
            Map.entry("favorites_user_fkey", new Target("favorites", "user_id")),
            Map.entry("favorites_article_fkey", new Target("favorites", "article_id")),
            Map.entry("comments_article_fkey", new Target("comments", "article_id")),
            Map.entry("comments_author_fkey", new Target("comments", "author_id")));

    private ConstraintCatalog() {
    }

    static Optional<Target> lookup(String constraintOrColumn) {
        return constraintOrColumn == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(constraintOrColumn));
    }
}
