package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SharedTestServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server runs as an application user that can read and write rows but not change the schema, while migrations
 * run as the schema's owner (DATABASE_MIGRATION_USER). A subclass per database prepares the two users and the
 * database as the README says to, and knows how its server lists sessions and refuses a schema change.
 */
abstract class LeastPrivilegeScenario {
    static final String PASSWORD = "least-privilege-test-password";

    final SharedTestServer server;
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String owner = "conduit_owner_" + suffix;
    final String app = "conduit_app_" + suffix;
    final String database = "conduit_test_lp_" + suffix;
    private String url;
    private Conduit conduit;

    LeastPrivilegeScenario(SharedTestServer server) {
        this.server = server;
    }

    /** Creates the two users and whatever else the README's recipe asks for; returns the database's URL. */
    abstract String followTheRecipe() throws SQLException;

    /** A query with one parameter, the database's name, listing the user of each session connected to it. */
    abstract String sessionUsersQuery();

    /** Checks, as the owner, that what the migrations made belongs to the owner. */
    abstract void assertTheMigrationsRanAsTheOwner(Connection asOwner) throws SQLException;

    /** Checks that {@code ddl}, run as the application user, is refused for want of a privilege. */
    abstract void assertRefused(Statement asApp, String ddl);

    @AfterEach
    void dropTheDatabaseAndTheUsers() {
        try {
            if (conduit != null) {
                conduit.close();
            }
        } finally {
            if (url != null) {
                server.dropDatabase(url);
            }
            server.dropLogin(app);
            server.dropLogin(owner);
        }
    }

    @Test
    void theApiWorksWithAnApplicationUserThatCannotCreateDropOrAlterTables() throws SQLException {
        url = followTheRecipe();
        conduit = TestApplication.start(TestApplication.config(Map.of(
                AppConfig.DATABASE_URL, url,
                AppConfig.DATABASE_USER, app,
                AppConfig.DATABASE_PASSWORD, PASSWORD,
                AppConfig.DATABASE_MIGRATION_USER, owner,
                AppConfig.DATABASE_MIGRATION_PASSWORD, PASSWORD,
                AppConfig.DB_POOL_SIZE, "3")));
        var api = new ConduitApi(URI.create("http://127.0.0.1:" + conduit.port()));

        var jake = api.registered("jake");
        var jane = api.registered("jane");
        String slug = api.givenAnArticleBy(jake, "Least privilege", "security");
        api.givenACommentBy(jane, slug, "Grant only what is needed.");
        assertThat(api.favorite(slug, jane.token()).status()).isEqualTo(200);
        assertThat(api.follow("jake", jane.token()).status()).isEqualTo(200);
        var listed = api.articles("?tag=security", jane.token());
        var comments = api.comments(slug, null);
        String doomed = api.givenAnArticleBy(jake, "Soon gone", "security");
        assertThat(api.favorite(doomed, jane.token()).status()).isEqualTo(200);
        var deleted = api.deleteArticle(jake.token(), doomed);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.at("/articlesCount")).isEqualTo("1");
        assertThat(listed.at("/articles/0/favoritesCount")).isEqualTo("1");
        assertThat(listed.at("/articles/0/author/following")).isEqualTo("true");
        assertThat(comments.json().at("/comments").size()).isEqualTo(1);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(api.articles("?tag=security", null).at("/articlesCount")).isEqualTo("1");
        api.assertNoServerErrors();

        assertThat(usersConnected()).as("the users the server's pool logged in as").containsOnly(app);
        try (Connection asOwner = connect(owner)) {
            assertTheMigrationsRanAsTheOwner(asOwner);
        }
        try (Connection asApp = connect(app); var statement = asApp.createStatement()) {
            assertRefused(statement, "CREATE TABLE intruder (id int)");
            assertRefused(statement, "DROP TABLE comments");
            assertRefused(statement, "ALTER TABLE articles ADD COLUMN intruder int");
        }
    }

    /** Checks that running {@code ddl} on {@code statement} throws an SQLException that {@code check} accepts. */
    static void assertRefused(Statement statement, String ddl, java.util.function.Consumer<SQLException> check) {
        assertThatThrownBy(() -> statement.execute(ddl)).as(ddl).isInstanceOfSatisfying(SQLException.class, check);
    }

    private List<String> usersConnected() throws SQLException {
        List<String> users = new ArrayList<>();
        try (Connection admin = server.connectAsAdmin(); var sessions = admin.prepareStatement(sessionUsersQuery())) {
            sessions.setString(1, database);
            try (var rows = sessions.executeQuery()) {
                while (rows.next()) {
                    users.add(rows.getString(1));
                }
            }
        }
        return users;
    }

    private Connection connect(String user) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", PASSWORD);
        return DriverManager.getConnection(url, properties);
    }
}
