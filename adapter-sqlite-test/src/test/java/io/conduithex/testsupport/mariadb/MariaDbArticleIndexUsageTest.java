package io.conduithex.testsupport.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.adapter.jdbi.transaction.GuardedHandle;
import io.conduithex.adapter.jdbi.transaction.JdbiArticleReadModel;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.domain.article.ArticleFilter;
import io.conduithex.domain.article.PageRequest;
import io.conduithex.domain.article.Tag;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.user.UserId;
import io.conduithex.domain.user.Username;
import io.conduithex.testsupport.PlanRecorder;
import io.conduithex.testsupport.PlanRecorder.Plan;
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
 * On MariaDB too, every list is one statement that reads through indexes: MariaDB's own plan ({@code EXPLAIN},
 * with the statement's arguments bound) must look each article of the page up by primary key and must not scan
 * the whole of articles, tags, their links or favorites (access type {@code ALL}).
 */
class MariaDbArticleIndexUsageTest {
    private static final int ARTICLES = 2_000;
    private static final List<String> INDEXED_TABLES = List.of("a", "articles", "at", "article_tags", "t", "tags",
            "f", "favorites");

    private static MariaDbTestDatabase database;

    @BeforeAll
    static void seedArticles() {
        database = MariaDbTestDatabase.create();
        withHandle(h -> {
            // seq_1_to_N: MariaDB's Sequence engine, a table of the numbers 1 to N.
            h.execute("""
                    INSERT INTO users (email, email_key, username, username_key, password_hash)
                    SELECT CONCAT('user', seq, '@example.com'), CONCAT('user', seq, '@example.com'),
                           CONCAT('user', seq), CONCAT('user', seq), 'hash' FROM seq_1_to_100""");
            h.execute("""
                    INSERT INTO articles (slug, title, description, body, author_id, created_at, updated_at)
                    SELECT CONCAT('article-', seq), CONCAT('Article ', seq), CONCAT('About ', seq), 'Body',
                           1 + seq % 100, TIMESTAMPADD(SECOND, seq, '2024-01-01'), TIMESTAMPADD(SECOND, seq, '2024-01-01')
                      FROM seq_1_to_""" + ARTICLES);
            h.execute("INSERT INTO tags (name) VALUES ('tag1'), ('tag2'), ('tag3')");
            h.execute("""
                    INSERT INTO article_tags (article_id, tag_id)
                    SELECT a.id, t.id FROM articles a JOIN tags t ON t.name = CONCAT('tag', 1 + a.id % 3)""");
            // Not SELECTed from articles: V6's triggers update articles, which MariaDB refuses while the statement
            // that fires them reads it. The articles are numbered 1 to ARTICLES, as inserted.
            h.execute("INSERT INTO favorites (user_id, article_id) SELECT 1 + seq % 100, seq FROM seq_4_to_"
                    + ARTICLES + "_step_4");
            h.execute("INSERT INTO follows (follower_id, followee_id) SELECT 1, id FROM users WHERE id BETWEEN 2 AND 11");
            h.createQuery("ANALYZE TABLE users, articles, tags, article_tags, favorites, follows, article_counts")
                    .mapToMap().list();
        });
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyListAndTheFeedIsOneStatementThatLooksArticlesUpByKeyAndScansNoWholeTable() {
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
            String plan = plans.get(0).text();
            assertThat(plan).as("plan of%n%s%n%s", plans.get(0).sql(), plan)
                    .containsPattern("(?m)^a [a-z_]+ PRIMARY$");
            for (String table : INDEXED_TABLES) {
                assertThat(plan).as("plan of%n%s%n%s", plans.get(0).sql(), plan)
                        .doesNotContainPattern("(?m)^" + table + " ALL ");
            }
        }
    }

    private static List<Plan> plansOf(Consumer<ArticleReadModel> read) {
        var recorder = new PlanRecorder(MariaDbArticleIndexUsageTest::explain);
        withHandle(h -> {
            h.getConfig(SqlStatements.class).setSqlLogger(recorder);
            read.accept(new JdbiArticleReadModel(new GuardedHandle(h, database.persistence().classifier()),
                    Dialect.MARIADB));
        });
        return recorder.plans();
    }

    private static void withHandle(Consumer<Handle> work) {
        try (Handle h = Jdbi.open(DriverManager.getConnection(database.url(), database.credentials()))) {
            work.accept(h);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** MariaDB's plan for a statement, with its arguments bound: one line per table, "table type key". */
    private static String explain(StatementContext context) throws SQLException {
        var parsed = context.getParsedSql();
        try (PreparedStatement explain = context.getConnection().prepareStatement("EXPLAIN " + parsed.getSql())) {
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
                    plan.append(rs.getString("table")).append(' ').append(rs.getString("type")).append(' ')
                            .append(rs.getString("key")).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
