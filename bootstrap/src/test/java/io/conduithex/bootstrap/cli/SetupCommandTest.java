package io.conduithex.bootstrap.cli;

import static io.conduithex.bootstrap.cli.ShippedMigrations.LATEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.kit.FreePort;
import io.conduithex.testsupport.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SetupCommandTest {
    @RegisterExtension
    final CommandLineRun cli = new CommandLineRun();

    @Test
    void createsTheSqliteFileAndMigratesItThenSaysNothingWasNeededTheSecondTime(@TempDir Path folder) {
        Path database = folder.resolve("fresh").resolve("conduit.db");
        cli.configure("DATABASE_URL", "jdbc:sqlite:" + database);

        assertThat(cli.run("setup")).isZero();
        assertThat(cli.outLines()).hasSize(5).satisfies(lines -> {
            assertThat(lines.get(0)).isEqualTo("Database file " + database.toAbsolutePath() + ": created");
            assertThat(lines.get(1)).isEqualTo("Extensions: not applicable to SQLite");
            assertThat(lines.get(2)).isEqualTo("Migrations: " + LATEST + " applied, schema version " + LATEST);
            assertThat(lines.get(3)).matches("Verified: migrations valid, database answered in \\d+ ms");
            assertThat(lines.get(4)).isEqualTo("Setup complete: created database file " + database.toAbsolutePath()
                    + ", applied " + LATEST + " migration(s)");
        });
        assertThat(database).exists();

        assertThat(cli.run("setup")).isZero();
        assertThat(cli.outLines()).contains("Database file " + database.toAbsolutePath() + ": already exists",
                "Migrations: 0 applied, schema version " + LATEST,
                "Setup complete: nothing was needed, the database is ready at schema version " + LATEST);
    }

    @Test
    void createsAMissingPostgresDatabaseThenSaysNothingWasNeededTheSecondTime() throws SQLException {
        var server = PostgresServer.shared();
        String name = "conduit_test_setup_" + UUID.randomUUID().toString().replace("-", "");
        String url = urlOf(server, name);
        cli.dropAfterTheTest(url);
        cli.onPostgres(server, url);
        assertThat(databaseExists(server, name)).isFalse();

        assertThat(cli.run("setup")).as(cli.errLines().toString()).isZero();
        assertThat(cli.outLines()).contains("Database \"" + name + "\": created", "Extensions: none required",
                "Migrations: " + LATEST + " applied, schema version " + LATEST,
                "Setup complete: created database \"" + name + "\", applied " + LATEST + " migration(s)");
        assertThat(databaseExists(server, name)).isTrue();

        assertThat(cli.run("setup")).isZero();
        assertThat(cli.outLines()).contains("Database \"" + name + "\": already exists",
                "Migrations: 0 applied, schema version " + LATEST,
                "Setup complete: nothing was needed, the database is ready at schema version " + LATEST);
    }

    @Test
    void refusesADatabaseNameThatIsNotAPlainIdentifierAndCreatesNothing() throws SQLException {
        var server = PostgresServer.shared();
        String name = "Conduit-Test\";DROP";
        cli.onPostgres(server, urlOf(server, name));

        assertThat(cli.run("setup")).isEqualTo(1);
        assertThat(cli.errLines()).singleElement().asString()
                .startsWith("setup failed: database name \"" + name + "\" is not a plain identifier");
        assertThat(databaseExists(server, name)).isFalse();
    }

    @Test
    void failsWithThePermissionErrorWhenTheSetupRoleMayNotCreateDatabases() throws SQLException {
        var server = PostgresServer.shared();
        String role = "conduit_no_createdb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String name = "conduit_test_setup_" + UUID.randomUUID().toString().replace("-", "");
        try (var admin = server.connectAsAdmin(); var statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB PASSWORD 'setup-test-password'");
        }
        try {
            cli.onPostgres(server, urlOf(server, name));
            cli.configure("DATABASE_MIGRATION_USER", role)
                    .configure("DATABASE_MIGRATION_PASSWORD", "setup-test-password");

            assertThat(cli.run("setup")).isEqualTo(1);
            assertThat(cli.errLines()).singleElement().asString()
                    .isEqualTo("setup failed: could not prepare the database: "
                            + "ERROR: permission denied to create database");
            assertThat(databaseExists(server, name)).isFalse();
        } finally {
            try (var admin = server.connectAsAdmin(); var statement = admin.createStatement()) {
                statement.execute("DROP ROLE " + role);
            }
        }
    }

    @Test
    void refusesAUrlThatNamesNoDatabase() {
        cli.configure("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + FreePort.pick() + "/");

        assertThat(cli.run("setup")).isEqualTo(1);
        assertThat(cli.errLines()).containsExactly(
                "setup failed: DATABASE_URL names no database (expected jdbc:postgresql://host:port/name)");
    }

    @Test
    void failsWithOneLineWhenTheServerIsUnreachable() {
        int port = FreePort.pick();
        cli.configure("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/conduit")
                .configure("DATABASE_USER", "conduit");

        assertThat(cli.run("setup")).isEqualTo(1);
        assertThat(cli.errLines()).singleElement().asString()
                .startsWith("setup failed: could not prepare the database: Connection to 127.0.0.1:" + port
                        + " refused");
    }

    /** The shared server's URL with another database name. */
    static String urlOf(PostgresServer server, String database) throws SQLException {
        try (var admin = server.connectAsAdmin()) {
            return admin.getMetaData().getURL().replaceFirst("/[^/?]*(\\?.*)?$", "/" + database + "$1");
        }
    }

    private static boolean databaseExists(PostgresServer server, String name) throws SQLException {
        try (var admin = server.connectAsAdmin();
             var query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
