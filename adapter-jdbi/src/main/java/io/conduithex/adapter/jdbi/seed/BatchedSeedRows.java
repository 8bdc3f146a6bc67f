package io.conduithex.adapter.jdbi.seed;

import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.seed.SeedUser;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * One prepared statement per table, executed as a JDBC batch. On SQLite that is a tight native loop over one
 * compiled statement on the one writer connection, as fast as SQLite inserts get.
 */
final class BatchedSeedRows implements SeedRows {
    private final Timestamps timestamps;

    BatchedSeedRows(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    @Override
    public void users(Handle h, List<SeedUser> users) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO users (email, email_key, username, username_key, password_hash, bio, image)
                VALUES (:email, :emailKey, :username, :usernameKey, :passwordHash, :bio, :image)""");
        for (SeedUser user : users) {
            batch.bind("email", user.email().value())
                    .bind("emailKey", user.email().normalized())
                    .bind("username", user.username().value())
                    .bind("usernameKey", user.username().normalized())
                    .bind("passwordHash", user.passwordHash().value())
                    .bind("bio", user.bio() == null ? null : user.bio().value())
                    .bind("image", user.image() == null ? null : user.image().value())
                    .add();
        }
        execute(batch);
    }

    @Override
    public void follows(Handle h, List<Long> followers, List<Long> followees) {
        pairs(h, "INSERT INTO follows (follower_id, followee_id) VALUES (:first, :second)", followers, followees);
    }

    @Override
    public void tags(Handle h, Collection<String> names) {
        PreparedBatch batch = h.prepareBatch("INSERT INTO tags (name) VALUES (:name) ON CONFLICT (name) DO NOTHING");
        names.forEach(name -> batch.bind("name", name).add());
        execute(batch);
    }

    @Override
    public void articles(Handle h, List<SeedArticle> articles) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO articles (slug, title, description, body, author_id, created_at, updated_at)
                VALUES (:slug, :title, :description, :body, :author, :createdAt, :createdAt)""");
        for (SeedArticle article : articles) {
            batch.bind("slug", article.slug().value())
                    .bind("title", article.title().value())
                    .bind("description", article.description().value())
                    .bind("body", article.body().value())
                    .bind("author", article.author().value())
                    .bind("createdAt", timestamps.bind(article.createdAt()))
                    .add();
        }
        execute(batch);
    }

    @Override
    public void articleTags(Handle h, List<Long> articles, List<Long> tags) {
        pairs(h, "INSERT INTO article_tags (article_id, tag_id) VALUES (:first, :second)", articles, tags);
    }

    @Override
    public void favorites(Handle h, List<Long> users, List<Long> articles) {
        pairs(h, "INSERT INTO favorites (user_id, article_id) VALUES (:first, :second)", users, articles);
    }

    @Override
    public void comments(Handle h, List<Long> articles, List<Long> authors, List<String> bodies,
                         List<Instant> createdAt) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO comments (article_id, author_id, body, created_at, updated_at)
                VALUES (:article, :author, :body, :createdAt, :createdAt)""");
        for (int i = 0; i < articles.size(); i++) {
            batch.bind("article", articles.get(i))
                    .bind("author", authors.get(i))
                    .bind("body", bodies.get(i))
                    .bind("createdAt", timestamps.bind(createdAt.get(i)))
                    .add();
        }
        execute(batch);
    }

    private static void pairs(Handle h, String sql, List<Long> first, List<Long> second) {
        PreparedBatch batch = h.prepareBatch(sql);
        for (int i = 0; i < first.size(); i++) {
            batch.bind("first", first.get(i)).bind("second", second.get(i)).add();
        }
        execute(batch);
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }
}
