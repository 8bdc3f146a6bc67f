package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Least privilege on PostgreSQL: the grants are the README's recipe, verbatim. */
class LeastPrivilegeOnPostgresTest extends LeastPrivilegeScenario {

    LeastPrivilegeOnPostgresTest() {
        super(PostgresServer.shared());
    }

    @Override
    String followTheRecipe() throws SQLException {
        server.createLogin(owner, PASSWORD);
        server.createLogin(app, PASSWORD);
        String url = server.urlFor(database);
        try (Connection admin = server.connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " OWNER " + owner);
        }
        try (Connection admin = server.connectTo(url); var statement = admin.createStatement()) {
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
        return url;
    }

    @Override
    String sessionUsersQuery() {
        return "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = ?";
    }

    @Override
    void assertTheMigrationsRanAsTheOwner(Connection asOwner) throws SQLException {
        try (var tables = asOwner.createStatement().executeQuery(
                "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user")) {
            tables.next();
            assertThat(tables.getInt(1)).as("tables the migrations created as the owner").isGreaterThanOrEqualTo(7);
        }
    }

    /** SQLSTATE 42501 insufficient_privilege ("permission denied", "must be owner of table"). */
    @Override
    void assertRefused(Statement asApp, String ddl) {
        assertRefused(asApp, ddl, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
}
