package io.conduithex.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.config.ConfigSource;
import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.testsupport.kit.CapturedLogs;
import io.conduithex.testsupport.kit.HttpCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed command run in-process, as an operator would run it, on the database a subclass provides;
 * configuration is given as system properties, which override the environment.
 */
@ExtendWith(CapturedLogs.class)
abstract class SeedCommandScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUMMARY = Pattern.compile("Seeded run '[a-z0-9-]+'(?: \\(resumed\\))? in [0-9.]+ s:"
            + " (\\d+) users, (\\d+) follows, (\\d+) articles, (\\d+) article tags, (\\d+) favorites, (\\d+) comments");
    private static final String[] TABLES = {"users", "follows", "articles", "article_tags", "favorites", "comments"};

    @RegisterExtension
    final CommandLineRun cli = new CommandLineRun();

    /** The JDBC URL of an empty database for this test. */
    protected abstract String databaseUrl();

    protected String databaseUser() {
        return null;
    }

    protected String databasePassword() {
        return null;
    }


    @Test
    void itSeedsTheAskedNumbersOnceAndAnotherRunIdAddsMore() throws SQLException {
        useTheDatabase();

        int first = run("seed", "--users", "30", "--articles", "60", "--comments", "150", "--batch-size", "25",
                "--run-id", "alpha");
        Map<String, Long> afterFirst = rowCounts();

        assertThat(first).as(cli.err()).isZero();
        assertThat(afterFirst).containsEntry("users", 30L).containsEntry("articles", 60L)
                .containsEntry("comments", 150L);
        assertThat(afterFirst.get("follows")).isPositive();
        assertThat(afterFirst.get("favorites")).isPositive();
        assertThat(afterFirst.get("article_tags")).isPositive();
        assertThat(summaryCounts(cli.out())).as("the summary reports what is stored").isEqualTo(afterFirst);
        assertThat(cli.out()).contains("Seeded users log in with password seed-alpha-password");
        assertThat(favoriteCountsThatDisagreeWithFavorites()).isZero();
        assertThat(count("SELECT COUNT(*) FROM seed_runs WHERE run_id = 'alpha' AND finished_at IS NOT NULL"))
                .isEqualTo(1L);
        int second = run("seed", "--users", "30", "--articles", "60", "--comments", "150", "--batch-size", "25",
                "--run-id", "alpha");

        assertThat(second).isZero();
        assertThat(cli.out()).contains("Seed run 'alpha' already completed", "nothing added");
        assertThat(rowCounts()).isEqualTo(afterFirst);
        int other = run("seed", "--users", "10", "--articles", "20", "--comments", "30", "--run-id", "beta");

        assertThat(other).as(cli.err()).isZero();
        Map<String, Long> afterOther = rowCounts();
        assertThat(afterOther.get("users")).isEqualTo(40L);
        assertThat(afterOther.get("articles")).isEqualTo(80L);
        assertThat(afterOther.get("comments")).isEqualTo(180L);
        assertThat(favoriteCountsThatDisagreeWithFavorites()).isZero();
        assertThat(count("SELECT COUNT(*) FROM users WHERE username LIKE '%.beta'")).isEqualTo(10L);
        assertThat(count("SELECT COUNT(*) FROM articles WHERE slug LIKE '%-beta'")).isEqualTo(20L);
    }

    @Test
    void aSeededUserLogsInWithThePrintedPasswordAndTheApiListsTheSeededArticles() throws Exception {
        useTheDatabase();
        assertThat(run("seed", "--users", "12", "--articles", "25", "--comments", "40", "--run-id", "gamma"))
                .as(cli.err()).isZero();
        Matcher printed = Pattern.compile("Seeded users log in with password (\\S+)").matcher(cli.out());
        assertThat(printed.find()).isTrue();
        String email = text("SELECT email FROM users WHERE username LIKE '%.gamma' ORDER BY id LIMIT 1");

        var variables = new HashMap<String, String>(Map.of(AppConfig.DATABASE_URL, databaseUrl(),
                AppConfig.PORT, "0", AppConfig.BCRYPT_COST, "4", AppConfig.DB_POOL_SIZE, "2"));
        if (databaseUser() != null) {
            variables.put(AppConfig.DATABASE_USER, databaseUser());
        }
        if (databasePassword() != null) {
            variables.put(AppConfig.DATABASE_PASSWORD, databasePassword());
        }
        try (var conduit = Conduit.start(AppConfig.load(ConfigSource.of(variables)))) {
            String base = "http://127.0.0.1:" + conduit.port();
            HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base + "/api/users/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("user",
                            Map.of("email", email, "password", printed.group(1)))))));
            HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(base + "/api/articles?limit=100")));
            String slug = JSON.readTree(list.body()).at("/articles/0/slug").asText();
            HttpResponse<String> one = send(HttpRequest.newBuilder(URI.create(base + "/api/articles/" + slug)));

            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            assertThat(JSON.readTree(login.body()).at("/user/token").asText()).isNotBlank();
            assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
            JsonNode articles = JSON.readTree(list.body());
            assertThat(articles.get("articlesCount").asInt()).isEqualTo(25);
            assertThat(articles.get("articles")).hasSize(25).allSatisfy(article -> {
                assertThat(article.get("slug").asText()).endsWith("-gamma");
                assertThat(article.get("description").asText()).isNotBlank();
                assertThat(article.get("favoritesCount").asInt()).isNotNegative();
            });
            assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
            assertThat(JSON.readTree(one.body()).at("/article/body").asText()).as("paragraphs").contains("\n\n");
        }
    }

    protected void useTheDatabase() {
        configure("DATABASE_URL", databaseUrl());
        configure("BCRYPT_COST", "4");
        if (databaseUser() != null) {
            configure("DATABASE_USER", databaseUser());
        }
        if (databasePassword() != null) {
            configure("DATABASE_PASSWORD", databasePassword());
        }
    }

    /** Articles whose favorites_count is not the number of their favorites rows. */
    protected long favoriteCountsThatDisagreeWithFavorites() throws SQLException {
        return count("""
                SELECT COUNT(*) FROM articles a
                 WHERE a.favorites_count <> (SELECT COUNT(*) FROM favorites f WHERE f.article_id = a.id)""");
    }

    protected Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        return counts;
    }

    private static Map<String, Long> summaryCounts(String output) {
        Matcher summary = SUMMARY.matcher(output);
        assertThat(summary.find()).as(output).isTrue();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < TABLES.length; i++) {
            counts.put(TABLES[i], Long.parseLong(summary.group(i + 1)));
        }
        return counts;
    }

    protected long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    protected String text(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl(), databaseUser(), databasePassword());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }

    protected void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(databaseUrl(), databaseUser(), databasePassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return HttpCalls.checkedSend(http, request.timeout(Duration.ofSeconds(20)).build());
    }

    protected void configure(String name, String value) {
        cli.configure(name, value);
    }

    protected int run(String... args) {
        return cli.run(args);
    }
}
