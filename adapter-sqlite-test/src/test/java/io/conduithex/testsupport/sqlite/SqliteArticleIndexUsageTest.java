package io.conduithex.testsupport.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.transaction.JdbiArticleReadModel;
import io.conduithex.adapter.jdbi.transaction.GuardedHandle;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.PlanRecorder;
import io.conduithex.testsupport.PlanRecorder.Plan;
import io.conduithex.testsupport.SqliteTestDatabase;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On SQLite too, every list is one statement that reads through indexes only: SQLite's own query plan
 * ({@code EXPLAIN QUERY PLAN}, with the statement's arguments bound) must not contain a full scan of articles,
 * tags, their links or favorites, nor materialize a join. A parenthesized join made SQLite materialize every
 * article on every request, and an {@code IN} list scanned every tag for every article of the page.
 */
class SqliteArticleIndexUsageTest {
    private static final int ARTICLES = 2_000;

    private static SqliteTestDatabase database;

    @BeforeAll
    static void seedArticles() {
        database = SqliteTestDatabase.create(SqliteTestDatabase.Options.DEFAULTS);
        withHandle(h -> {
            h.execute("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
                    INSERT INTO users (email, email_key, username, username_key, password_hash)
                    SELECT 'user' || i || '@example.com', 'user' || i || '@example.com', 'user' || i, 'user' || i,
                           'hash' FROM n""");
            h.execute("""
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                    INSERT INTO articles (slug, title, description, body, author_id, created_at, updated_at)
                    SELECT 'article-' || i, 'Article ' || i, 'About ' || i, 'Body', 1 + i % 100, i * 1000, i * 1000
                      FROM n""", ARTICLES);
            h.execute("INSERT INTO tags (name) VALUES ('tag1'), ('tag2'), ('tag3')");
            h.execute("""
                    INSERT INTO article_tags (article_id, tag_id)
                    SELECT a.id, t.id FROM articles a JOIN tags t ON t.name = 'tag' || (1 + a.id % 3)""");
            h.execute("INSERT INTO favorites (user_id, article_id) SELECT 1 + id % 100, id FROM articles WHERE id % 4 = 0");
            h.execute("INSERT INTO follows (follower_id, followee_id) SELECT 1, id FROM users WHERE id BETWEEN 2 AND 11");
            h.execute("ANALYZE");
        });
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyListAndTheFeedIsOneStatementThatNeverScansArticles() {
        var viewer = new UserId(1);
        List<Consumer<ArticleReadModel>> reads = List.of(
                r -> r.list(ArticleFilter.ALL, PageRequest.FIRST, Optional.empty()),
                r -> r.list(ArticleFilter.ALL, new PageRequest(20, 1_500), Optional.of(viewer)),
                r -> r.list(new ArticleFilter(Optional.of(new Tag("tag2")), Optional.empty(), Optional.empty()),
                        PageRequest.FIRST, Optional.of(viewer)),
                r -> r.list(new ArticleFilter(Optional.empty(), Optional.of(new Username("user42")), Optional.empty()),
                        PageRequest.FIRST, Optional.empty()),
                r -> r.list(new ArticleFilter(Optional.empty(), Optional.empty(), Optional.of(new Username("user40"))),
                        PageRequest.FIRST, Optional.empty()),
                r -> r.feed(viewer, PageRequest.FIRST));

        for (Consumer<ArticleReadModel> read : reads) {
            List<Plan> plans = plansOf(read);
            assertThat(plans).as("statements issued").hasSize(1);
            assertThat(plans.get(0).text()).as("plan of%n%s%n%s", plans.get(0).sql(), plans.get(0).text())
                    .contains("SEARCH a USING INTEGER PRIMARY KEY")
                    .doesNotContainPattern("(?m)^SCAN (a|articles|at|article_tags|t|tags|f|favorites)$")
                    .doesNotContain("MATERIALIZE");
        }
    }

    private static List<Plan> plansOf(Consumer<ArticleReadModel> read) {
        var recorder = new PlanRecorder(SqliteArticleIndexUsageTest::explain);
        withHandle(h -> {
            h.getConfig(SqlStatements.class).setSqlLogger(recorder);
            read.accept(new JdbiArticleReadModel(new GuardedHandle(h, database.persistence().classifier()),
                    Dialect.SQLITE));
        });
        return recorder.plans();
    }

    private static void withHandle(Consumer<Handle> work) {
        try (Handle h = Jdbi.open(DriverManager.getConnection(database.url()))) {
            work.accept(h);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SQLite's plan for a statement, with its arguments bound. */
    private static String explain(StatementContext context) throws SQLException {
        var parsed = context.getParsedSql();
        try (PreparedStatement explain = context.getConnection()
                .prepareStatement("EXPLAIN QUERY PLAN " + parsed.getSql())) {
            List<String> names = parsed.getParameters().getParameterNames();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Argument argument = context.getBinding().findForName(name, context)
                        .orElseThrow(() -> new IllegalStateException("no argument bound for :" + name));
                argument.apply(i + 1, explain, context);
            }
            var plan = new StringBuilder();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString("detail")).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
