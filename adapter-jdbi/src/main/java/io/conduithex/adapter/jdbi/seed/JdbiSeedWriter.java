package io.conduithex.adapter.jdbi.seed;

import io.conduithex.adapter.jdbi.change.ChangeNotices;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import io.conduithex.adapter.jdbi.pool.Pool;
import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.domain.failure.PersistenceException;
import io.conduithex.domain.port.persistence.CommittedChanges;
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
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;

/**
 * {@link SeedWriter} with one multi-row insert per table and batch ({@link SeedRows}, per dialect), in a
 * transaction on the writer pool (on SQLite the one writer connection, so the seeder queues with the server's
 * writers instead of failing busy). Generated ids are read back by the natural keys just inserted, which works
 * the same on both dialects.
 *
 * <p>Each write first moves the run's progress from {@code doneBefore}: on PostgreSQL a second seeder of the
 * same run waits for the first one's row lock, then finds the progress moved on and fails without writing.
 */
public final class JdbiSeedWriter implements SeedWriter {
    /** The sender named in the seeder's notices: no serving instance has this name. */
    private static final String NOTICE_SENDER = "seed";
    private static final String SKIP_EXISTING_TAG = " ON CONFLICT (name) DO NOTHING";
    /** MariaDB has no DO NOTHING, and INSERT IGNORE would hide every other error of the row as a warning. */
    private static final String MARIADB_SKIP_EXISTING_TAG = " ON DUPLICATE KEY UPDATE name = name";
    private static final String BEGIN_RUN = """
            INSERT INTO seed_runs (run_id, users, articles, comments, started_at)
            VALUES (:run, :users, :articles, :comments, :startedAt)
            ON CONFLICT (run_id) DO NOTHING""";
    private static final String MARIADB_BEGIN_RUN = """
            INSERT INTO seed_runs (run_id, users, articles, comments, started_at)
            VALUES (:run, :users, :articles, :comments, :startedAt)
            ON DUPLICATE KEY UPDATE run_id = run_id""";

    private final Pool writer;
    private final Dialect dialect;
    private final Timestamps timestamps;
    private final SqlErrorClassifier classifier;
    private final SeedRows rows;

    public JdbiSeedWriter(Pool writer, Dialect dialect, SqlErrorClassifier classifier) {
        this.writer = writer;
        this.dialect = dialect;
        this.timestamps = Timestamps.of(dialect);
        this.classifier = classifier;
        this.rows = new SeedRows(switch (dialect) {
            case POSTGRESQL -> new ArraySeedRows();
            // Connector/J sends a batch as one bulk command; MariaDB runs it without a round trip per row.
            case SQLITE, MARIADB -> new BatchedSeedRows(timestamps);
        }, dialect == Dialect.MARIADB ? MARIADB_SKIP_EXISTING_TAG : SKIP_EXISTING_TAG);
    }

    @Override
    public SeedRun begin(String runId, int users, int articles, long comments, Instant startedAt) {
        return inTransaction(h -> {
            h.createUpdate(dialect == Dialect.MARIADB ? MARIADB_BEGIN_RUN : BEGIN_RUN)
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
            rows.users(h, users);
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
            rows.follows(h, follows.stream().map(f -> f.follower().value()).toList(),
                    follows.stream().map(f -> f.followee().value()).toList());
            return null;
        });
    }

    @Override
    public void writeArticles(String runId, int doneBefore, List<SeedArticle> articles) {
        inTransaction(h -> {
            advance(h, runId, "articles_done", doneBefore, doneBefore + articles.size());
            // Sorted, like TagWriter, so that concurrent writers lock new tag rows in the same order.
            var names = new TreeSet<String>();
            articles.forEach(article -> article.tags().forEach(tag -> names.add(tag.value())));
            rows.tags(h, names);
            Map<String, Long> tagIds = idsByKey(h, "SELECT id, name AS natural_key FROM tags WHERE name IN (<keys>)",
                    List.copyOf(names));
            rows.articles(h, articles);
            List<String> slugs = articles.stream().map(article -> article.slug().value()).toList();
            Map<String, Long> articleIds = idsByKey(h,
                    "SELECT id, slug AS natural_key FROM articles WHERE slug IN (<keys>)", slugs);
            var tagged = new Columns();
            var favorited = new Columns();
            var commented = new Columns();
            List<String> commentBodies = new ArrayList<>();
            List<Instant> commentTimes = new ArrayList<>();
            for (SeedArticle article : articles) {
                long articleId = articleIds.get(article.slug().value());
                article.tags().forEach(tag -> tagged.add(articleId, tagIds.get(tag.value())));
                article.favoritedBy().forEach(fan -> favorited.add(fan.value(), articleId));
                for (SeedComment comment : article.comments()) {
                    commented.add(articleId, comment.author().value());
                    commentBodies.add(comment.body().value());
                    commentTimes.add(comment.createdAt());
                }
            }
            rows.articleTags(h, tagged.first, tagged.second);
            rows.favorites(h, favorited.first, favorited.second);
            rows.comments(h, commented.first, commented.second, commentBodies, commentTimes);
            return null;
        });
    }

    @Override
    public SeedRun finish(String runId, Instant finishedAt) {
        SeedRun finished = inTransaction(h -> {
            h.createUpdate("UPDATE seed_runs SET finished_at = :finishedAt WHERE run_id = :run AND finished_at IS NULL")
                    .bind("finishedAt", timestamps.bind(finishedAt))
                    .bind("run", runId)
                    .execute();
            return load(h, runId).orElseThrow(() -> new IllegalStateException("no seed run '" + runId + "'"));
        });
        // Planner statistics for the rows just loaded: until autovacuum gets to them, PostgreSQL plans the
        // first requests on a bulk-loaded database as if its tables were empty (hash joins over every tag).
        // VACUUM also marks the loaded pages all-visible, so that index-only scans need not visit the table;
        // it runs outside a transaction, and without the statement timeout, which a large load outlasts.
        // SQLite keeps no statistics unless asked; a bounded sample per index is enough for its planner.
        // MariaDB's ANALYZE TABLE commits implicitly, so it runs outside a transaction too, and with no statement
        // time limit; it samples a bounded number of pages per index.
        if (dialect == Dialect.POSTGRESQL) {
            outsideTransaction(h -> {
                h.execute("SET statement_timeout = 0");
                try {
                    return h.execute("VACUUM (ANALYZE)");
                } finally {
                    h.execute("RESET statement_timeout");
                }
            });
        } else if (dialect == Dialect.MARIADB) {
            outsideTransaction(h -> {
                double limit = h.createQuery("SELECT @@SESSION.max_statement_time").mapTo(Double.class).one();
                h.execute("SET SESSION max_statement_time = 0");
                try {
                    return h.createQuery("ANALYZE TABLE users, follows, articles, tags, article_tags, favorites,"
                            + " comments, article_counts").mapToMap().list();
                } finally {
                    h.createUpdate("SET SESSION max_statement_time = :limit").bind("limit", limit).execute();
                }
            });
        } else {
            inTransaction(h -> {
                h.execute("PRAGMA analysis_limit = 1000");
                return h.execute("ANALYZE");
            });
        }
        return finished;
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

    /** Two parallel columns of ids. */
    private static final class Columns {
        final List<Long> first = new ArrayList<>();
        final List<Long> second = new ArrayList<>();

        void add(long a, long b) {
            first.add(a);
            second.add(b);
        }
    }

    /**
     * Runs {@code work} in a transaction. On PostgreSQL the transaction also tells the serving instances that
     * everything may have changed ({@link ChangeNotices}), so that what they remember from before a batch is
     * dropped as the batch commits.
     */
    private <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        return classified(() -> writer.jdbi().inTransaction(h -> {
            R result = work.withHandle(h);
            if (dialect == Dialect.POSTGRESQL) {
                ChangeNotices.send(h, NOTICE_SENDER, CommittedChanges.EVERYTHING);
            }
            return result;
        }));
    }

    private <R> R outsideTransaction(HandleCallback<R, RuntimeException> work) {
        return classified(() -> writer.jdbi().withHandle(work));
    }

    private <R> R classified(Supplier<R> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (e instanceof PersistenceException || !SqlErrorClassifier.isDatabaseError(e)) {
                throw e;
            }
            throw classifier.classify(e, Phase.WORK);
        }
    }
}
