package io.conduithex.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.jdbi.transaction.JdbiArticleReadModel;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.transaction.GuardedHandle;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.PlanRecorder;
import io.conduithex.testsupport.PlanRecorder.Plan;
import io.conduithex.testsupport.kit.DatabasePerTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every list is one statement that reads its count from a counter and walks one newest-first index for its
 * page, never reading the whole table of articles, so its cost does not grow with the data. On
 * 10,000 seeded, analyzed articles, the adapter's own {@link JdbiArticleReadModel} runs on a handle whose SQL
 * logger asks PostgreSQL to EXPLAIN each statement, as rendered and with the parameters bound, just before
 * it runs: if the read model's SQL changes into something that scans articles, this test fails and prints
 * the plan.
 */
class ArticleIndexUsageTest {

    private static final int USERS = 200;
    private static final int ARTICLES = 10_000;
    private static final int TAGS = 50;
    private static final String SEQ_SCAN_ON_ARTICLES = "Seq Scan on articles";

    private static PostgresTestDatabase database;

    @BeforeAll
    static void seedTenThousandArticles() throws SQLException {
        database = PostgresTestDatabase.create();
        try (Handle h = Jdbi.open(database.connect())) {
            h.execute("""
                    INSERT INTO users (email, email_key, username, username_key, password_hash)
                    SELECT 'user' || i || '@example.com', 'user' || i || '@example.com', 'user' || i, 'user' || i,
                           'hash'
                      FROM generate_series(1, ?) AS i""", USERS);
            // Each author's articles are spread evenly over the table, as they are when many people write.
            h.execute("""
                    INSERT INTO articles (slug, title, description, body, author_id, created_at, updated_at)
                    SELECT 'article-' || i, 'Article ' || i, 'What article ' || i || ' is about',
                           repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 20),
                           (SELECT min(id) FROM users) + i % ?,
                           timestamptz '2020-01-01 00:00:00+00' + i * interval '1 hour',
                           timestamptz '2020-01-01 00:00:00+00' + i * interval '1 hour'
                      FROM generate_series(1, ?) AS i""", USERS, ARTICLES);
            h.execute("INSERT INTO tags (name) SELECT 'tag' || i FROM generate_series(1, ?) AS i", TAGS);
            // One to three distinct tags per article: about 400 articles per tag.
            h.execute("""
                    INSERT INTO article_tags (article_id, tag_id)
                    SELECT a.id, t.id
                      FROM articles a
                      JOIN LATERAL generate_series(0, a.id % 3) AS k ON true
                      JOIN tags t ON t.name = 'tag' || (1 + (a.id + k * 17) % ?)""", TAGS);
            // Every fourth article has one favorite; the trigger counts it in favorites_count.
            h.execute("""
                    INSERT INTO favorites (user_id, article_id)
                    SELECT (SELECT min(id) FROM users) + (a.id * 7) % ?, a.id FROM articles a WHERE a.id % 4 = 0""",
                    USERS);
            // Everyone follows ten others: a feed of about 500 articles (5%).
            h.execute("""
                    INSERT INTO follows (follower_id, followee_id)
                    SELECT u.id, f.id
                      FROM users u
                      CROSS JOIN generate_series(1, 10) AS k
                      JOIN users f ON f.id = (SELECT min(id) FROM users) + (u.id + k * 13) % ?
                     WHERE f.id <> u.id
                    ON CONFLICT DO NOTHING""", USERS);
            // What autovacuum does to a table this size in production: statistics and the visibility map.
            h.execute("VACUUM ANALYZE");
            assertThat(h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Long.class).one()).isEqualTo(ARTICLES);
        }
    }

    @AfterAll
    static void dropDatabase() {
        DatabasePerTest.closeChecked(database);
    }

    @Test
    void aPageFilteredByTagWalksTheTagsNewestFirstIndexAndReadsItsCounter() throws SQLException {
        Plan plan = onlyStatement(plansOf(reads -> reads.list(byTag("tag7"), PageRequest.FIRST,
                Optional.of(viewer()))));

        assertReadsCounter(plan);
        assertUses(plan, "article_tags_tag_newest_idx");
    }

    @Test
    void aFeedPageWalksEachFolloweesNewestArticlesAndReadsTheirCounters() throws SQLException {
        Plan plan = onlyStatement(plansOf(reads -> reads.feed(viewer(), PageRequest.FIRST)));

        assertReadsCounter(plan);
        assertUses(plan, "Index Only Scan using articles_author_created_idx on articles");
    }

    @Test
    void pagesFilteredByAuthorOrByFavoriterWalkTheirNewestFirstIndexes() throws SQLException {
        Plan byAuthor = onlyStatement(plansOf(reads -> reads.list(
                new ArticleFilter(Optional.empty(), Optional.of(new Username("user42")), Optional.empty()),
                PageRequest.FIRST, Optional.empty())));
        Plan byFan = onlyStatement(plansOf(reads -> reads.list(
                new ArticleFilter(Optional.empty(), Optional.empty(), Optional.of(new Username("user41"))),
                PageRequest.FIRST, Optional.empty())));

        // user41 favorited 50 articles and user42 wrote 50, so each list has a page to plan, not only a count.
        assertReadsCounter(byAuthor);
        assertReadsCounter(byFan);
        assertUses(byAuthor, "articles_author_created_idx");
        assertUses(byFan, "favorites_user_newest_idx");
    }

    @Test
    void everyListIsOneStatementWhoseCountReadsACounter() throws SQLException {
        List<Plan> plans = new ArrayList<>();
        plans.add(onlyStatement(plansOf(reads -> reads.list(ArticleFilter.ALL, PageRequest.FIRST, Optional.empty()))));
        plans.add(onlyStatement(plansOf(reads -> reads.list(byTag("tag7"), PageRequest.FIRST, Optional.empty()))));
        plans.add(onlyStatement(plansOf(reads -> reads.list(
                new ArticleFilter(Optional.empty(), Optional.of(new Username("user42")), Optional.empty()),
                PageRequest.FIRST, Optional.empty()))));
        plans.add(onlyStatement(plansOf(reads -> reads.list(
                new ArticleFilter(Optional.empty(), Optional.empty(), Optional.of(new Username("user41"))),
                PageRequest.FIRST, Optional.empty()))));
        plans.add(onlyStatement(plansOf(reads -> reads.feed(viewer(), PageRequest.FIRST))));

        assertThat(plans).hasSize(5).allSatisfy(ArticleIndexUsageTest::assertReadsCounter);
    }

    @Test
    void aDeepPageSkipsItsOffsetInTheIndexAloneAndReadsOnlyItsOwnRows() throws SQLException {
        Plan plan = onlyStatement(plansOf(reads -> reads.list(ArticleFilter.ALL, new PageRequest(20, 9_000),
                Optional.empty())));

        // The skipped rows are index entries of the page's id query; the table is read by id for the twenty
        // rows of the page only.
        assertUses(plan, "Index Only Scan using articles_created_idx on articles");
        assertUses(plan, "Index Scan using articles_pkey on articles");
    }

    @Test
    void aPageReadsTheTagsOfAllItsArticlesInOnePass() throws SQLException {
        Plan plan = onlyStatement(plansOf(reads -> reads.list(ArticleFilter.ALL, PageRequest.FIRST, Optional.empty())));

        // Per article, as a correlated subquery, the tag look-up was a scan of the tags table for each row.
        assertThat(plan.text()).as("plan of%n%s%n%s", plan.sql(), plan.text())
                .doesNotContain("SubPlan")
                .containsOnlyOnce("on article_tags")
                .containsOnlyOnce("on tags");
    }

    private static Plan onlyStatement(List<Plan> plans) {
        assertThat(plans).as("statements issued").hasSize(1);
        return plans.get(0);
    }

    /** The count is a counter read, never a count of the matching rows, and nothing scans articles. */
    private static void assertReadsCounter(Plan plan) {
        assertThat(plan.sql()).as("a counter, not a count of rows").contains("article_counts", "SUM(")
                .doesNotContain("COUNT(*)");
        assertThat(plan.text()).as("plan of%n%s%n%s", plan.sql(), plan.text()).doesNotContain(SEQ_SCAN_ON_ARTICLES);
    }

    private static void assertUses(Plan plan, String step) {
        assertThat(plan.text()).as("plan of%n%s%n%s", plan.sql(), plan.text()).contains(step)
                .doesNotContain(SEQ_SCAN_ON_ARTICLES);
    }

    /** Runs {@code work} on the adapter's read model and returns the plan of every statement it issued. */
    private static List<Plan> plansOf(Consumer<ArticleReadModel> work) throws SQLException {
        var recorder = new PlanRecorder(ArticleIndexUsageTest::explain);
        try (Handle h = Jdbi.open(database.connect())) {
            h.getConfig(SqlStatements.class).setSqlLogger(recorder);
            work.accept(new JdbiArticleReadModel(new GuardedHandle(h, database.persistence().classifier()),
                    Dialect.POSTGRESQL));
        }
        recorder.plans().forEach(plan -> System.out.printf("[conduit-test] EXPLAIN%n%s%n%s%n%n", plan.sql(), plan.text()));
        return recorder.plans();
    }

    private static UserId viewer() {
        try (Handle h = Jdbi.open(database.connect())) {
            return new UserId(h.createQuery("SELECT id FROM users WHERE username_key = 'user1'")
                    .mapTo(Long.class)
                    .one());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArticleFilter byTag(String tag) {
        return new ArticleFilter(Optional.of(new Tag(tag)), Optional.empty(), Optional.empty());
    }

    /**
     * Explains a statement on its own connection, as the application's connections run it: prepared, with one
     * generic plan whatever its parameters (plan_cache_mode = force_generic_plan).
     */
    private static String explain(StatementContext context) throws SQLException {
        var parsed = context.getParsedSql();
        int parameters = parsed.getParameters().getParameterNames().size();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET plan_cache_mode = force_generic_plan");
            statement.execute("PREPARE explained AS " + numberedParameters(parsed.getSql()));
            var plan = new StringBuilder();
            // A generic plan does not depend on the values, so NULLs will do.
            try (ResultSet rs = statement.executeQuery("EXPLAIN EXECUTE explained("
                    + String.join(", ", Collections.nCopies(parameters, "NULL")) + ")")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    /** JDBC's '?' placeholders as PostgreSQL's $1, $2...: the read model's SQL has no '?' of its own. */
    private static String numberedParameters(String sql) {
        var numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++n);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }
}
