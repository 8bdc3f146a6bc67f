package io.conduithex.adapter.jdbi.seed;

import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.seed.SeedUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;

/**
 * The seeded tables and their columns, each named once here; how the rows travel is the dialect's
 * {@link SeedInsert}. Column lists are parallel: the i-th elements of each form one row. Every call runs inside
 * the caller's transaction.
 */
final class SeedRows {
    private final SeedInsert insert;
    private final String skipExistingTag;

    /** @param skipExistingTag the clause that makes inserting a tag that exists a no-op, in the dialect's words */
    SeedRows(SeedInsert insert, String skipExistingTag) {
        this.insert = insert;
        this.skipExistingTag = skipExistingTag;
    }

    void users(Handle h, List<SeedUser> users) {
        insert.rows(h, "users", users, List.of(
                SeedColumn.text("email", u -> u.email().value()),
                SeedColumn.text("email_key", u -> u.email().normalized()),
                SeedColumn.text("username", u -> u.username().value()),
                SeedColumn.text("username_key", u -> u.username().normalized()),
                SeedColumn.text("password_hash", u -> u.passwordHash().value()),
                SeedColumn.text("bio", u -> u.bio() == null ? null : u.bio().value()),
                SeedColumn.text("image", u -> u.image() == null ? null : u.image().value())), "");
    }

    void follows(Handle h, List<Long> followers, List<Long> followees) {
        pairs(h, "follows", "follower_id", followers, "followee_id", followees);
    }

    /** Inserts the tags that do not exist yet. */
    void tags(Handle h, Collection<String> names) {
        insert.rows(h, "tags", List.copyOf(names), List.of(SeedColumn.<String>text("name", name -> name)),
                skipExistingTag);
    }

    /** Inserts the articles; their {@code favorites_count} is moved by a trigger as {@link #favorites} inserts. */
    void articles(Handle h, List<SeedArticle> articles) {
        insert.rows(h, "articles", articles, List.of(
                SeedColumn.text("slug", a -> a.slug().value()),
                SeedColumn.text("title", a -> a.title().value()),
                SeedColumn.text("description", a -> a.description().value()),
                SeedColumn.text("body", a -> a.body().value()),
                SeedColumn.number("author_id", a -> a.author().value()),
                SeedColumn.instant("created_at", SeedArticle::createdAt),
                SeedColumn.instant("updated_at", SeedArticle::createdAt)), "");
    }

    void articleTags(Handle h, List<Long> articles, List<Long> tags) {
        pairs(h, "article_tags", "article_id", articles, "tag_id", tags);
    }

    void favorites(Handle h, List<Long> users, List<Long> articles) {
        pairs(h, "favorites", "user_id", users, "article_id", articles);
    }

    void comments(Handle h, List<Long> articles, List<Long> authors, List<String> bodies, List<Instant> createdAt) {
        insert.rows(h, "comments", indexes(articles.size()), List.of(
                SeedColumn.number("article_id", articles::get),
                SeedColumn.number("author_id", authors::get),
                SeedColumn.text("body", bodies::get),
                SeedColumn.instant("created_at", createdAt::get),
                SeedColumn.instant("updated_at", createdAt::get)), "");
    }

    private void pairs(Handle h, String table, String firstColumn, List<Long> first, String secondColumn,
                       List<Long> second) {
        insert.rows(h, table, indexes(first.size()),
                List.of(SeedColumn.number(firstColumn, first::get), SeedColumn.number(secondColumn, second::get)), "");
    }

    /** Rows given as parallel lists travel as their indexes. */
    private static List<Integer> indexes(int size) {
        return IntStream.range(0, size).boxed().toList();
    }
}
