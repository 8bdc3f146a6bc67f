package io.conduithex.adapter.jdbi.seed;

import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.seed.SeedUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * PostgreSQL: one statement per table and batch, its columns bound as arrays and turned back into rows by
 * {@code unnest}. A JDBC batch costs the server a bind and an execute per row; this costs one of each per
 * batch, several times faster for the same rows. Instants travel as epoch milliseconds (there is no array
 * binding for {@code timestamptz}) and are turned back exactly, with integer arithmetic.
 */
final class ArraySeedRows implements SeedRows {
    private static final String FROM_MILLIS = "TIMESTAMPTZ 'epoch' + %s * INTERVAL '1 millisecond'";

    @Override
    public void users(Handle h, List<SeedUser> users) {
        if (users.isEmpty()) {
            return;
        }
        h.createUpdate("""
                        INSERT INTO users (email, email_key, username, username_key, password_hash, bio, image)
                        SELECT * FROM unnest(:email, :emailKey, :username, :usernameKey, :passwordHash, :bio, :image)""")
                .bindArray("email", String.class, users.stream().map(u -> u.email().value()).toList())
                .bindArray("emailKey", String.class, users.stream().map(u -> u.email().normalized()).toList())
                .bindArray("username", String.class, users.stream().map(u -> u.username().value()).toList())
                .bindArray("usernameKey", String.class, users.stream().map(u -> u.username().normalized()).toList())
                .bindArray("passwordHash", String.class, users.stream().map(u -> u.passwordHash().value()).toList())
                .bindArray("bio", String.class, users.stream().map(u -> u.bio() == null ? null : u.bio().value())
                        .toList())
                .bindArray("image", String.class, users.stream()
                        .map(u -> u.image() == null ? null : u.image().value()).toList())
                .execute();
    }

    @Override
    public void follows(Handle h, List<Long> followers, List<Long> followees) {
        pairs(h, "INSERT INTO follows (follower_id, followee_id) SELECT * FROM unnest(:first, :second)",
                followers, followees);
    }

    @Override
    public void tags(Handle h, Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        h.createUpdate("INSERT INTO tags (name) SELECT * FROM unnest(:names) ORDER BY 1 ON CONFLICT (name) DO NOTHING")
                .bindArray("names", String.class, List.copyOf(names))
                .execute();
    }

    @Override
    public void articles(Handle h, List<SeedArticle> articles) {
        if (articles.isEmpty()) {
            return;
        }
        h.createUpdate("""
                        INSERT INTO articles (slug, title, description, body, author_id, created_at, updated_at)
                        SELECT slug, title, description, body, author_id, %s, %s
                          FROM unnest(:slug, :title, :description, :body, :author, :createdAt)
                            AS a (slug, title, description, body, author_id, created_ms)"""
                        .formatted(FROM_MILLIS.formatted("created_ms"), FROM_MILLIS.formatted("created_ms")))
                .bindArray("slug", String.class, articles.stream().map(a -> a.slug().value()).toList())
                .bindArray("title", String.class, articles.stream().map(a -> a.title().value()).toList())
                .bindArray("description", String.class, articles.stream().map(a -> a.description().value()).toList())
                .bindArray("body", String.class, articles.stream().map(a -> a.body().value()).toList())
                .bindArray("author", Long.class, articles.stream().map(a -> a.author().value()).toList())
                .bindArray("createdAt", Long.class, articles.stream().map(a -> a.createdAt().toEpochMilli()).toList())
                .execute();
    }

    @Override
    public void articleTags(Handle h, List<Long> articles, List<Long> tags) {
        pairs(h, "INSERT INTO article_tags (article_id, tag_id) SELECT * FROM unnest(:first, :second)", articles, tags);
    }

    @Override
    public void favorites(Handle h, List<Long> users, List<Long> articles) {
        pairs(h, "INSERT INTO favorites (user_id, article_id) SELECT * FROM unnest(:first, :second)", users, articles);
    }

    @Override
    public void comments(Handle h, List<Long> articles, List<Long> authors, List<String> bodies,
                         List<Instant> createdAt) {
        if (articles.isEmpty()) {
            return;
        }
        h.createUpdate("""
                        INSERT INTO comments (article_id, author_id, body, created_at, updated_at)
                        SELECT article_id, author_id, body, %s, %s
                          FROM unnest(:article, :author, :body, :createdAt) AS c (article_id, author_id, body, created_ms)"""
                        .formatted(FROM_MILLIS.formatted("created_ms"), FROM_MILLIS.formatted("created_ms")))
                .bindArray("article", Long.class, articles)
                .bindArray("author", Long.class, authors)
                .bindArray("body", String.class, bodies)
                .bindArray("createdAt", Long.class, createdAt.stream().map(Instant::toEpochMilli).toList())
                .execute();
    }

    private static void pairs(Handle h, String sql, List<Long> first, List<Long> second) {
        if (first.isEmpty()) {
            return;
        }
        h.createUpdate(sql).bindArray("first", Long.class, first).bindArray("second", Long.class, second).execute();
    }
}
