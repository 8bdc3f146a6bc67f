package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.PostgresApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SQL ceilings that {@code bench/run} measures are {@code pgbench} scripts under {@code bench/sql/}, one per
 * benchmarked endpoint: this test sends each endpoint's request to the real application on PostgreSQL, captures
 * every statement its unit of work runs through JDBI's statement hook, and insists that the script holds exactly
 * those statements, in order, in a transaction of the same kind. When the code changes what an endpoint sends,
 * this fails until the script says the same, so the ceiling an endpoint is compared with cannot drift from it.
 *
 * <p>Scripts name their values as pgbench variables ({@code :viewer}, {@code :slug}); here they stand for the
 * placeholders JDBI sends. {@code \set} lines and {@code --} comments are not statements.
 */
@ExtendWith(CapturedLogs.class)
class BenchmarkSqlTest {
    private static final Path SCRIPTS = Path.of("..", "bench", "sql");
    private static final Pattern VARIABLE = Pattern.compile("(?<![:\\w]):[A-Za-z_]\\w*");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** Space just inside parentheses is layout, in the code's text blocks and in the scripts alike. */
    private static final Pattern SPACE_INSIDE_PARENTHESES = Pattern.compile("(?<=\\() | (?=\\))");

    /**
     * As bench/run measures the endpoints against their ceilings: with the read cache off, so that every read reaches
     * the database and a write sends no notice to other instances (the cached pass measures reads only).
     */
    @RegisterExtension
    final PostgresApplicationExtension app = new PostgresApplicationExtension(
            TestApplication.launcher(TestApplication.config(Map.of(AppConfig.READ_CACHE, "off"))));

    private final Queue<Statement> sent = new ConcurrentLinkedQueue<>();
    private ConduitApi api;
    private Account reader;
    private Account author;
    private String slug;

    /** A statement as the database received it: its text with placeholders, and its transaction's kind. */
    private record Statement(String sql, boolean readOnly, boolean inTransaction) {
    }

    @BeforeEach
    void givenReadersAuthorsArticlesCommentsFavoritesAndFollows() {
        api = new ConduitApi(app.baseUri());
        reader = api.registered("reader");
        author = api.registered("author");
        slug = api.givenAnArticleBy(author, "Dragons", "dragons", "lore");
        api.givenAnArticleBy(author, "Wyverns", "dragons");
        api.givenACommentBy(reader, slug, "Fine dragons.");
        assertThat(api.favorite(slug, reader.token()).status()).isEqualTo(200);
        assertThat(api.follow(author.username(), reader.token()).status()).isEqualTo(200);
        app.persistence().observeStatements(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
                var connection = statement.getConnection();
                sent.add(new Statement(normalized(context.getParsedSql().getSql()), connection.isReadOnly(),
                        !connection.getAutoCommit()));
            }
        });
    }

    @Test
    void theListScriptsAreWhatTheListsSend() {
        assertScript("list", () -> api.articles("?limit=20", null));
        assertScript("list-auth", () -> api.articles("?limit=20", reader.token()));
        assertScript("list-tag", () -> api.articles("?limit=20&tag=dragons", null));
        assertScript("list-author", () -> api.articles("?limit=20&author=author", null));
        assertScript("list-favorited", () -> api.articles("?limit=20&favorited=reader", null));
        assertScript("feed", () -> api.feed("?limit=20", reader.token()));
    }

    @Test
    void theArticleAndCommentsScriptsAreWhatTheySend() {
        assertScript("article", () -> api.article(slug, null));
        assertScript("comments", () -> api.comments(slug, null));
    }

    @Test
    void theWriteScriptsAreWhatTheWritesSend() {
        assertScript("comment-create", () -> api.addComment(reader.token(), slug, "More dragons, please."));
        var other = api.registered("other");
        assertScript("favorite", () -> api.favorite(slug, other.token()));
        assertScript("unfavorite", () -> api.unfavorite(slug, other.token()));
    }

    private void assertScript(String name, Supplier<Reply> request) {
        sent.clear();
        var reply = request.get();
        assertThat(reply.status()).as("%s: %s", name, reply.body()).isBetween(200, 201);
        var statements = List.copyOf(sent);
        assertThat(statements).as("statements of %s", name).isNotEmpty();
        assertThat(statements).as("%s runs every statement in its one transaction", name)
                .allMatch(Statement::inTransaction);
        boolean readOnly = statements.get(0).readOnly();
        assertThat(statements).as("%s runs in one kind of transaction", name)
                .allMatch(statement -> statement.readOnly() == readOnly);
        var expected = new ArrayList<String>();
        expected.add(readOnly ? "BEGIN READ ONLY" : "BEGIN");
        statements.forEach(statement -> expected.add(statement.sql()));
        expected.add("COMMIT");
        assertThat(scriptStatements(name)).as("bench/sql/%s.sql against what %s sends", name, name)
                .containsExactlyElementsOf(expected);
    }

    /** The statements of a pgbench script, normalized, with its variables as placeholders. */
    private static List<String> scriptStatements(String name) {
        String text;
        try {
            text = Files.readString(SCRIPTS.resolve(name + ".sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var sql = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--") && !trimmed.startsWith("\\")) {
                sql.append(line).append('\n');
            }
        }
        // pgbench ends a statement whose columns become variables with \gset instead of a semicolon.
        return Arrays.stream(sql.toString().replace("\\gset", ";").split(";"))
                .map(statement -> normalized(VARIABLE.matcher(statement).replaceAll("?")))
                .filter(statement -> !statement.isEmpty())
                .toList();
    }

    private static String normalized(String sql) {
        return SPACE_INSIDE_PARENTHESES.matcher(SPACE.matcher(sql).replaceAll(" ")).replaceAll("").strip();
    }
}
