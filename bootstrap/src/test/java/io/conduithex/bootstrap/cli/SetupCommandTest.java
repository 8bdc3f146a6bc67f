package io.conduithex.bootstrap.cli;

import static io.conduithex.bootstrap.cli.ShippedMigrations.LATEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.SharedTestServer;
import io.conduithex.testsupport.kit.FreePort;
import io.conduithex.testsupport.mariadb.MariaDbServer;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SetupCommandTest {
    private static final String APP_PASSWORD = "setup-app-password";

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

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void createsAMissingServerDatabaseThenSaysNothingWasNeededTheSecondTime(CliDatabase kind) {
        var server = kind.server();
        String name = newDatabaseName();
        cli.onServer(server, dropAfterTheTest(server, name));
        assertThat(server.databaseExists(name)).isFalse();

        assertThat(cli.run("setup")).as(cli.errLines().toString()).isZero();
        assertThat(cli.outLines()).contains("Database \"" + name + "\": created", whatElseSetupPrepared(kind),
                "Migrations: " + LATEST + " applied, schema version " + LATEST,
                "Setup complete: created database \"" + name + "\", applied " + LATEST + " migration(s)");
        assertThat(server.databaseExists(name)).isTrue();

        assertThat(cli.run("setup")).isZero();
        assertThat(cli.outLines()).contains("Database \"" + name + "\": already exists", whatElseSetupPrepared(kind),
                "Migrations: 0 applied, schema version " + LATEST,
                "Setup complete: nothing was needed, the database is ready at schema version " + LATEST);
    }

    private static String whatElseSetupPrepared(CliDatabase kind) {
        return switch (kind) {
            case POSTGRESQL -> "Extensions: none required";
            case MARIADB -> "Character set: utf8mb4, collation utf8mb4_nopad_bin";
            case SQLITE -> throw new IllegalArgumentException("SQLite has no server");
        };
    }

    @Test
    void onMariaDbCreatesTheDatabaseInUtf8mb4AndAnApplicationUserWithRowPrivilegesOnlyOnceAndPrintsNoPassword()
            throws SQLException {
        var server = MariaDbServer.shared();
        String name = newDatabaseName();
        String app = newUserName();
        cli.onServer(server, dropAfterTheTest(server, name));
        asMigrationUserWithApplicationUser(server, app);
        String account = "'" + app + "'@'%'";
        try {
            assertThat(cli.run("setup")).as(cli.err()).isZero();
            assertThat(cli.outLines()).hasSize(7).satisfies(lines -> {
                assertThat(lines.get(0)).isEqualTo("Database \"" + name + "\": created");
                assertThat(lines.get(1)).isEqualTo("Character set: utf8mb4, collation utf8mb4_nopad_bin");
                assertThat(lines.get(2)).isEqualTo("Application user " + account + ": created");
                assertThat(lines.get(3)).isEqualTo("Privileges of " + account + " on " + name
                        + ": granted SELECT, INSERT, UPDATE, DELETE");
                assertThat(lines.get(4)).isEqualTo("Migrations: " + LATEST + " applied, schema version " + LATEST);
                assertThat(lines.get(5)).matches("Verified: migrations valid, database answered in \\d+ ms");
                assertThat(lines.get(6)).isEqualTo("Setup complete: created database \"" + name + "\", created user "
                        + account + ", granted SELECT, INSERT, UPDATE, DELETE on " + name + " to " + account
                        + ", applied " + LATEST + " migration(s)");
            });
            assertThat(cli.out()).doesNotContain(APP_PASSWORD);
            assertThat(schemaDefaults(server, name)).containsExactly("utf8mb4", "utf8mb4_nopad_bin");
            assertThat(grantsOf(server, app)).as("the application user's privileges").containsExactlyInAnyOrder(
                    "GRANT USAGE ON *.* TO `" + app + "`@`%` IDENTIFIED BY PASSWORD '<hash>'",
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON `" + name.replace("_", "\\_") + "`.* TO `" + app
                            + "`@`%`");

            assertThat(cli.run("setup")).as(cli.err()).isZero();
            assertThat(cli.outLines()).contains("Database \"" + name + "\": already exists",
                    "Application user " + account + ": already exists",
                    "Privileges of " + account + " on " + name + ": SELECT, INSERT, UPDATE, DELETE already held",
                    "Setup complete: nothing was needed, the database is ready at schema version " + LATEST);
        } finally {
            server.dropLogin(app);
        }
    }

    @Test
    void onMariaDbAnExistingApplicationUserWhosePasswordIsNotDatabasePasswordFailsSetupWithOneLine() {
        var server = MariaDbServer.shared();
        String name = newDatabaseName();
        String app = newUserName();
        server.createLogin(app, "another-password");
        try {
            cli.onServer(server, dropAfterTheTest(server, name));
            asMigrationUserWithApplicationUser(server, app);

            assertThat(cli.run("setup")).isEqualTo(1);
            assertThat(cli.errLines()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("setup failed: could not prepare the database: could not log in as the application "
                            + "user '" + app + "'@'%' with DATABASE_PASSWORD: ")
                    .contains("Access denied")
                    .doesNotContain(APP_PASSWORD, "another-password"));
            assertThat(cli.out()).doesNotContain(APP_PASSWORD);
        } finally {
            server.dropLogin(app);
        }
    }

    @Test
    void onMariaDbAnApplicationUserMadeForThisHostAloneIsGrantedItsPrivilegesAndNoAccountForAnyHostIsMade()
            throws SQLException {
        var server = MariaDbServer.shared();
        String name = newDatabaseName();
        String app = newUserName();
        String host;
        try (var admin = server.connectAsAdmin(); var statement = admin.createStatement()) {
            try (var rows = statement.executeQuery("SELECT SUBSTRING_INDEX(USER(), '@', -1)")) {
                rows.next();
                host = rows.getString(1);
            }
            statement.execute("CREATE USER '" + app + "'@'" + host + "' IDENTIFIED BY '" + APP_PASSWORD + "'");
        }
        String account = "'" + app + "'@'" + host + "'";
        try {
            cli.onServer(server, dropAfterTheTest(server, name));
            asMigrationUserWithApplicationUser(server, app);

            assertThat(cli.run("setup")).as(cli.err()).isZero();
            assertThat(cli.outLines()).contains("Application user " + account + ": already exists",
                    "Privileges of " + account + " on " + name + ": granted SELECT, INSERT, UPDATE, DELETE");
            assertThat(server.databaseExists(name)).isTrue();
            try (var admin = server.connectAsAdmin();
                 var accounts = admin.prepareStatement("SELECT COUNT(*) FROM mysql.user WHERE User = ?")) {
                accounts.setString(1, app);
                try (var rows = accounts.executeQuery()) {
                    rows.next();
                    assertThat(rows.getInt(1)).as("accounts named " + app).isEqualTo(1);
                }
            }
        } finally {
            try (var admin = server.connectAsAdmin(); var statement = admin.createStatement()) {
                statement.execute("DROP USER IF EXISTS '" + app + "'@'" + host + "'");
            }
        }
    }

    /** Setup runs as the server's user as DATABASE_MIGRATION_USER, for the application user {@code app}. */
    private void asMigrationUserWithApplicationUser(SharedTestServer server, String app) {
        cli.configure("DATABASE_MIGRATION_USER", server.user())
                .configure("DATABASE_MIGRATION_PASSWORD", server.password() == null ? "" : server.password())
                .configure("DATABASE_USER", app)
                .configure("DATABASE_PASSWORD", APP_PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void refusesADatabaseNameThatIsNotAPlainIdentifierAndCreatesNothing(CliDatabase kind) {
        var server = kind.server();
        String name = "Conduit-Test\";DROP";
        cli.onServer(server, server.urlFor(name));

        assertThat(cli.run("setup")).isEqualTo(1);
        assertThat(cli.errLines()).singleElement().asString()
                .startsWith("setup failed: database name \"" + name + "\" is not a plain identifier");
        assertThat(server.databaseExists(name)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void failsWithThePermissionErrorWhenTheSetupUserMayNotCreateDatabases(CliDatabase kind) {
        var server = kind.server();
        String user = newUserName();
        String name = newDatabaseName();
        server.createLogin(user, "setup-test-password");
        try {
            cli.onServer(server, server.urlFor(name));
            cli.configure("DATABASE_MIGRATION_USER", user)
                    .configure("DATABASE_MIGRATION_PASSWORD", "setup-test-password");

            assertThat(cli.run("setup")).isEqualTo(1);
            assertThat(cli.errLines()).singleElement().asString()
                    .startsWith("setup failed: could not prepare the database: ")
                    .contains(switch (kind) {
                        case POSTGRESQL -> "ERROR: permission denied to create database";
                        case MARIADB -> "Access denied for user '" + user + "'@'%' to database '" + name + "'";
                        case SQLITE -> throw new IllegalArgumentException("SQLite has no server");
                    });
            assertThat(server.databaseExists(name)).isFalse();
        } finally {
            server.dropLogin(user);
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void refusesAUrlThatNamesNoDatabase(CliDatabase kind) {
        cli.configure("DATABASE_URL", kind.urlScheme() + "127.0.0.1:" + FreePort.pick() + "/");

        assertThat(cli.run("setup")).isEqualTo(1);
        assertThat(cli.errLines()).containsExactly("setup failed: DATABASE_URL names no database (expected "
                + kind.urlScheme() + "host:port/name)");
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void failsWithOneLineWhenTheServerIsUnreachable(CliDatabase kind) {
        int port = cli.onUnreachable(kind);

        assertThat(cli.run("setup")).isEqualTo(1);
        assertThat(cli.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("setup failed: could not prepare the database: ")
                .contains("127.0.0.1", String.valueOf(port))
                .containsIgnoringCase("refused")
                .doesNotContain(CommandLineRun.NEVER_PRINTED));
    }

    private static String newDatabaseName() {
        return "conduit_test_setup_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String newUserName() {
        return "conduit_user_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The URL of {@code name} on {@code server}, which the test drops afterwards if it exists by then. */
    private String dropAfterTheTest(SharedTestServer server, String name) {
        String url = server.urlFor(name);
        cli.dropAfterTheTest(server, url);
        return url;
    }

    private static List<String> schemaDefaults(SharedTestServer server, String name) throws SQLException {
        try (var admin = server.connectAsAdmin();
             var query = admin.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                     + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            query.setString(1, name);
            try (var rows = query.executeQuery()) {
                assertThat(rows.next()).as("database " + name).isTrue();
                return List.of(rows.getString(1), rows.getString(2));
            }
        }
    }

    /** SHOW GRANTS for {@code 'user'@'%'}, with the password hash hidden. */
    private static List<String> grantsOf(SharedTestServer server, String user) throws SQLException {
        List<String> grants = new ArrayList<>();
        try (var admin = server.connectAsAdmin();
             var rows = admin.createStatement().executeQuery("SHOW GRANTS FOR '" + user + "'@'%'")) {
            while (rows.next()) {
                grants.add(rows.getString(1).replaceFirst("PASSWORD '\\*[0-9A-F]{40}'", "PASSWORD '<hash>'"));
            }
        }
        return grants;
    }
}
