package io.conduithex.bootstrap.cli;

import static io.conduithex.bootstrap.cli.ShippedMigrations.LATEST;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ValidateCommandTest {
    @RegisterExtension
    final CommandLineRun cli = CommandLineRun.onFreshSqliteFile();

    @Test
    void aMigratedDatabaseIsValid() {
        assertThat(cli.run("migrate")).isZero();

        assertThat(cli.run("validate")).isZero();
        assertThat(cli.outLines()).containsExactly(
                "Valid: " + LATEST + " applied migration(s) match the shipped ones; schema version " + LATEST);
        assertThat(cli.errLines()).isEmpty();
    }

    @Test
    void anEditedMigrationFailsValidationWithOneLineUntilRepairRealignsIt() {
        assertThat(cli.run("migrate")).isZero();
        SqliteHistory.tamperWithChecksumOf(cli.database(), "1");

        assertThat(cli.run("validate")).isEqualTo(1);
        assertThat(cli.outLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("INVALID migration 1 (users and follows): "
                        + "Migration checksum mismatch for migration version 1")
                .contains("Applied to database", "Resolved locally"));
        assertThat(cli.errLines()).singleElement().asString().startsWith("validate: 1 problem(s);");

        assertThat(cli.run("repair")).isZero();
        assertThat(cli.outLines()).containsExactly(
                "Repaired: realigned the checksum and description of migration 1 (users and follows)",
                "Repair done: 1 change(s)");

        assertThat(cli.run("validate")).isZero();
        assertThat(cli.outLines()).singleElement().asString().startsWith("Valid: " + LATEST + " applied migration(s)");
    }

    @Test
    void anEditedMigrationOnPostgresFailsValidationUntilRepairRealignsIt() throws SQLException {
        String url = cli.onFreshPostgresDatabase();
        assertThat(cli.run("migrate")).isZero();
        tamperOnPostgres(PostgresServer.shared(), url);

        assertThat(cli.run("validate")).isEqualTo(1);
        assertThat(cli.outLines()).singleElement().asString().startsWith(
                "INVALID migration 2 (articles tags favorites comments): Migration checksum mismatch");

        assertThat(cli.run("repair")).isZero();
        assertThat(cli.outLines()).first().asString()
                .isEqualTo("Repaired: realigned the checksum and description of migration 2 "
                        + "(articles tags favorites comments)");
        assertThat(cli.run("validate")).isZero();
    }

    private static void tamperOnPostgres(PostgresServer server, String url) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", server.user());
        if (server.password() != null) {
            properties.setProperty("password", server.password());
        }
        try (Connection connection = DriverManager.getConnection(url, properties);
             var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
        }
    }

    @Test
    void pendingMigrationsFailValidationOneLineEach() throws IOException {
        Files.createFile(cli.database());

        assertThat(cli.run("validate")).isEqualTo(1);
        assertThat(cli.outLines()).hasSize(LATEST).allSatisfy(line -> assertThat(line)
                .containsPattern("^INVALID migration [1-9] \\(.+\\): "
                        + "Detected resolved migration not applied to database"));
    }

    @Test
    void aMissingDatabaseFailsValidation() {
        assertThat(cli.run("validate")).isEqualTo(1);
        assertThat(cli.errLines()).singleElement().asString().startsWith("validate failed: no SQLite database at ");
        assertThat(cli.database()).doesNotExist();
    }
}
