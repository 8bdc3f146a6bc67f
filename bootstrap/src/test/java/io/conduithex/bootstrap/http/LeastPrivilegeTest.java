package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.postgres.PostgresServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server runs with an application role that can read and write rows but not change the schema, while
 * migrations run as the schema's owner (DATABASE_MIGRATION_USER). The grants are the README's recipe, verbatim.
 */
class LeastPrivilegeTest {
    private static final String PASSWORD = "least-privilege-test-password";

    private final PostgresServer server = PostgresServer.shared();
    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String owner = "conduit_owner_" + suffix;
    private final String app = "conduit_app_" + suffix;
    private final String database = "conduit_test_lp_" + suffix;
    private String url;
    private Conduit conduit;

    @BeforeEach
    void createTheRolesAndTheDatabaseTheRecipeDescribes() throws SQLException {
        try (Connection admin = server.connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + owner + " LOGIN PASSWORD '" + PASSWORD + "'");
            statement.execute("CREATE ROLE " + app + " LOGIN PASSWORD '" + PASSWORD + "'");
            statement.execute("CREATE DATABASE " + database + " OWNER " + owner);
            url = admin.getMetaData().getURL().replaceFirst("/[^/?]*(\\?.*)?$", "/" + database + "$1");
        }
        try (Connection admin = connect(url, server.user(), server.password());
             var statement = admin.createStatement()) {
            statement.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            statement.execute("GRANT CONNECT ON DATABASE " + database + " TO " + app);
            statement.execute("ALTER SCHEMA public OWNER TO " + owner);
            statement.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            statement.execute("GRANT USAGE ON SCHEMA public TO " + app);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
                    + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app);
            statement.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
                    + " GRANT USAGE, SELECT ON SEQUENCES TO " + app);
        }
    }

    @AfterEach
    void dropTheDatabaseAndTheRoles() throws SQLException {
        if (conduit != null) {
            conduit.close();
        }
        server.dropDatabase(url);
        try (Connection admin = server.connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + app);
            statement.execute("DROP ROLE IF EXISTS " + owner);
        }
    }

    @Test
    void theApiWorksWithAnApplicationRoleThatCannotCreateOrDropTables() throws SQLException {
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

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.at("/articlesCount")).isEqualTo("1");
        assertThat(listed.at("/articles/0/favoritesCount")).isEqualTo("1");
        assertThat(listed.at("/articles/0/author/following")).isEqualTo("true");
        assertThat(comments.json().at("/comments").size()).isEqualTo(1);
        api.assertNoServerErrors();

        try (Connection admin = server.connectAsAdmin();
             var sessions = admin.prepareStatement("SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = ?")) {
            sessions.setString(1, database);
            try (var rows = sessions.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).as("the role the server's pool logged in as").isEqualTo(app);
                assertThat(rows.next()).as("no other role connected").isFalse();
            }
        }

        try (Connection asOwner = connect(url, owner, PASSWORD);
             var tables = asOwner.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")) {
            tables.next();
            assertThat(tables.getInt(1)).as("tables the migrations created as the owner").isGreaterThanOrEqualTo(7);
        }
        try (Connection asApp = connect(url, app, PASSWORD); var statement = asApp.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE TABLE intruder (id int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> statement.execute("DROP TABLE comments"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner of table comments")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
            assertThatThrownBy(() -> statement.execute("ALTER TABLE articles ADD COLUMN intruder int"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42501");
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }
}
