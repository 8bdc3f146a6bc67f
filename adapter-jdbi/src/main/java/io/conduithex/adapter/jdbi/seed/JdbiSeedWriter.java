package io.conduithex.adapter.jdbi.seed;

import io.conduithex.adapter.jdbi.Dialect;
import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import io.conduithex.adapter.jdbi.pool.Pool;
import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.failure.PersistenceException;
import io.conduithex.domain.port.persistence.SeedWriter;
import io.conduithex.domain.seed.SeedArticle;
import io.conduithex.domain.seed.SeedComment;
import io.conduithex.domain.seed.SeedFollow;
import io.conduithex.domain.seed.SeedRun;
import io.conduithex.domain.seed.SeedUser;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link SeedWriter} with JDBC batches: one prepared statement per table and batch, sent in one go, in a
 * transaction on the writer pool (on SQLite the one writer connection, so the seeder queues with the server's
 * writers instead of failing busy). Generated ids are read back by the natural keys just inserted, which works
 * the same on both dialects.
 *
 * <p>Each write first moves the run's progress from {@code doneBefore}: on PostgreSQL a second seeder of the
 * same run waits for the first one's row lock, then finds the progress moved on and fails without writing.
 */
public final class JdbiSeedWriter implements SeedWriter {
    private final Pool writer;
    private final Timestamps timestamps;
    private final SqlErrorClassifier classifier;

    public JdbiSeedWriter(Pool writer, Dialect dialect, SqlErrorClassifier classifier) {
        this.writer = writer;
        this.timestamps = Timestamps.of(dialect);
        this.classifier = classifier;
    }

    @Override
    public SeedRun begin(String runId, int users, int articles, long comments, Instant startedAt) {
        return inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO seed_runs (run_id, users, articles, comments, started_at)
                            VALUES (:run, :users, :articles, :comments, :startedAt)
                            ON CONFLICT (run_id) DO NOTHING""")
                    .bind("run", runId)
                    .bind("users", users)
                    .bind("articles", articles)
                    .bind("comments", comments)
                    .bind("startedAt", timestamps.bind(startedAt))
                    .execute();
            return load(h, runId).orElseThrow();
        });
    }

    @Override
    public List<UserId> writeUsers(String runId, int doneBefore, List<SeedUser> users) {
        return inTransaction(h -> {
            advance(h, runId, "users_done", doneBefore, doneBefore + users.size());
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
            return userIds(h, users.stream().map(SeedUser::username).toList());
        });
    }

    @Override
    public List<UserId> findUsers(List<Username> usernames) {
        return inTransaction(h -> userIds(h, usernames));
    }

    @Override
    public void writeFollows(String runId, int doneBefore, int doneAfter, List<SeedFollow> follows) {
        inTransaction(h -> {
            advance(h, runId, "followers_done", doneBefore, doneAfter);
            PreparedBatch batch = h.prepareBatch(
                    "INSERT INTO follows (follower_id, followee_id) VALUES (:follower, :followee)");
            for (SeedFollow follow : follows) {
                batch.bind("follower", follow.follower().value()).bind("followee", follow.followee().value()).add();
            }
            execute(batch);
            return null;
        });
    }

    @Override
    public void writeArticles(String runId, int doneBefore, List<SeedArticle> articles) {
        inTransaction(h -> {
            advance(h, runId, "articles_done", doneBefore, doneBefore + articles.size());
            Map<String, Long> tagIds = tagIds(h, articles);
            List<Long> articleIds = insertArticles(h, articles);
            PreparedBatch tags = h.prepareBatch("INSERT INTO article_tags (article_id, tag_id) VALUES (:article, :tag)");
            PreparedBatch favorites = h.prepareBatch(
                    "INSERT INTO favorites (user_id, article_id) VALUES (:user, :article)");
            PreparedBatch comments = h.prepareBatch("""
                    INSERT INTO comments (article_id, author_id, body, created_at, updated_at)
                    VALUES (:article, :author, :body, :createdAt, :createdAt)""");
            for (int i = 0; i < articles.size(); i++) {
                SeedArticle article = articles.get(i);
                long articleId = articleIds.get(i);
                for (Tag tag : article.tags()) {
                    tags.bind("article", articleId).bind("tag", tagIds.get(tag.value())).add();
                }
                for (UserId fan : article.favoritedBy()) {
                    favorites.bind("user", fan.value()).bind("article", articleId).add();
                }
                for (SeedComment comment : article.comments()) {
                    comments.bind("article", articleId)
                            .bind("author", comment.author().value())
                            .bind("body", comment.body().value())
                            .bind("createdAt", timestamps.bind(comment.createdAt()))
                            .add();
                }
            }
            execute(tags);
            execute(favorites);
            execute(comments);
            return null;
        });
    }

    @Override
    public SeedRun finish(String runId, Instant finishedAt) {
        return inTransaction(h -> {
            h.createUpdate("UPDATE seed_runs SET finished_at = :finishedAt WHERE run_id = :run AND finished_at IS NULL")
                    .bind("finishedAt", timestamps.bind(finishedAt))
                    .bind("run", runId)
                    .execute();
            return load(h, runId).orElseThrow(() -> new IllegalStateException("no seed run '" + runId + "'"));
        });
    }

    /** Inserts the articles, each with its favorites count already equal to the favorites about to be inserted. */
    private List<Long> insertArticles(Handle h, List<SeedArticle> articles) {
        PreparedBatch batch = h.prepareBatch("""
                INSERT INTO articles (slug, title, description, body, author_id, favorites_count, created_at, updated_at)
                VALUES (:slug, :title, :description, :body, :author, :favorites, :createdAt, :createdAt)""");
        for (SeedArticle article : articles) {
            batch.bind("slug", article.slug().value())
                    .bind("title", article.title().value())
                    .bind("description", article.description().value())
                    .bind("body", article.body().value())
                    .bind("author", article.author().value())
                    .bind("favorites", article.favoritedBy().size())
                    .bind("createdAt", timestamps.bind(article.createdAt()))
                    .add();
        }
        execute(batch);
        List<String> slugs = articles.stream().map(article -> article.slug().value()).toList();
        Map<String, Long> ids = idsByKey(h, "SELECT id, slug AS natural_key FROM articles WHERE slug IN (<keys>)", slugs);
        return slugs.stream().map(ids::get).toList();
    }

    /** The ids of the batch's tags, creating those nobody used before. */
    private static Map<String, Long> tagIds(Handle h, List<SeedArticle> articles) {
        // Sorted, like TagWriter, so that concurrent writers lock new tag rows in the same order.
        var names = new TreeSet<String>();
        articles.forEach(article -> article.tags().forEach(tag -> names.add(tag.value())));
        if (names.isEmpty()) {
            return Map.of();
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO tags (name) VALUES (:name) ON CONFLICT (name) DO NOTHING");
        names.forEach(name -> batch.bind("name", name).add());
        execute(batch);
        return idsByKey(h, "SELECT id, name AS natural_key FROM tags WHERE name IN (<keys>)", List.copyOf(names));
    }

    private static List<UserId> userIds(Handle h, List<Username> usernames) {
        List<String> keys = usernames.stream().map(Username::normalized).toList();
        Map<String, Long> ids = idsByKey(h,
                "SELECT id, username_key AS natural_key FROM users WHERE username_key IN (<keys>)", keys);
        List<UserId> result = new ArrayList<>(keys.size());
        for (String key : keys) {
            Long id = ids.get(key);
            if (id == null) {
                throw new IllegalStateException("seeded user '" + key + "' does not exist");
            }
            result.add(new UserId(id));
        }
        return result;
    }

    private static Map<String, Long> idsByKey(Handle h, String sql, List<String> keys) {
        Map<String, Long> ids = new HashMap<>(keys.size() * 2);
        if (keys.isEmpty()) {
            return ids;
        }
        h.createQuery(sql)
                .bindList("keys", keys)
                .map((rs, ctx) -> Map.entry(rs.getString("natural_key"), rs.getLong("id")))
                .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        return ids;
    }

    private static void advance(Handle h, String runId, String column, int before, int after) {
        int updated = h.createUpdate("UPDATE seed_runs SET " + column + " = :after"
                        + " WHERE run_id = :run AND " + column + " = :before AND finished_at IS NULL")
                .bind("after", after)
                .bind("before", before)
                .bind("run", runId)
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("seed run '" + runId + "' is not at " + column + " = " + before
                    + ": it is finished, missing, or another seeder is writing it");
        }
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    private Optional<SeedRun> load(Handle h, String runId) {
        return h.createQuery("SELECT * FROM seed_runs WHERE run_id = :run")
                .bind("run", runId)
                .map((rs, ctx) -> mapRun(rs))
                .findOne();
    }

    private SeedRun mapRun(ResultSet rs) throws SQLException {
        rs.getObject("finished_at");
        Instant finishedAt = rs.wasNull() ? null : timestamps.read(rs, "finished_at");
        return new SeedRun(rs.getString("run_id"), rs.getInt("users"), rs.getInt("articles"), rs.getLong("comments"),
                rs.getInt("users_done"), rs.getInt("followers_done"), rs.getInt("articles_done"),
                timestamps.read(rs, "started_at"), finishedAt);
    }

    private <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        try {
            return writer.jdbi().inTransaction(work);
        } catch (RuntimeException e) {
            if (e instanceof PersistenceException || !SqlErrorClassifier.isDatabaseError(e)) {
                throw e;
            }
            throw classifier.classify(e, Phase.WORK);
        }
    }
}
