package io.conduithex.bootstrap.cli;

import static io.conduithex.bootstrap.cli.ShippedMigrations.LATEST;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ValidateCommandTest {
    @RegisterExtension
    final CommandLineRun cli = CommandLineRun.onFreshSqliteFile();

    @ParameterizedTest
    @EnumSource(CliDatabase.class)
    void aMigratedDatabaseIsValid(CliDatabase database) {
        cli.onFresh(database);
        assertThat(cli.run("migrate")).isZero();

        assertThat(cli.run("validate")).isZero();
        assertThat(cli.outLines()).containsExactly(
                "Valid: " + LATEST + " applied migration(s) match the shipped ones; schema version " + LATEST);
        assertThat(cli.errLines()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(CliDatabase.class)
    void anEditedMigrationFailsValidationWithOneLineUntilRepairRealignsIt(CliDatabase database) {
        cli.onFresh(database);
        assertThat(cli.run("migrate")).isZero();
        MigrationHistory.tamperWithChecksumOf(cli, "1");

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

    @ParameterizedTest
    @EnumSource(CliDatabase.class)
    void pendingMigrationsFailValidationOneLineEach(CliDatabase database) {
        cli.onFresh(database);

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
