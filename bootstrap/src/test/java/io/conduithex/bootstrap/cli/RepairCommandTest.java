package io.conduithex.bootstrap.cli;

import static io.conduithex.bootstrap.cli.ShippedMigrations.LATEST;
import static io.conduithex.bootstrap.cli.ShippedMigrations.UNSHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RepairCommandTest {
    @RegisterExtension
    final CommandLineRun cli = CommandLineRun.onFreshSqliteFile();

    @ParameterizedTest
    @EnumSource(CliDatabase.class)
    void removesTheEntryOfAFailedMigrationAndSaysSo(CliDatabase database) {
        cli.onFresh(database);
        assertThat(cli.run("migrate")).isZero();
        MigrationHistory.recordFailedMigration(cli, UNSHIPPED);
        assertThat(cli.run("info")).isZero();
        assertThat(cli.outLines()).last().isEqualTo("Schema version " + UNSHIPPED + ": " + LATEST
                + " applied, 0 pending, 1 failed");

        assertThat(cli.run("repair")).isZero();
        assertThat(cli.outLines()).containsExactly("Repaired: removed the failed entry of migration " + UNSHIPPED + " (broken)",
                "Repair done: 1 change(s)");

        assertThat(cli.run("info")).isZero();
        assertThat(cli.outLines()).last().isEqualTo("Schema version " + LATEST + ": " + LATEST
                + " applied, 0 pending, 0 failed");
    }

    @ParameterizedTest
    @EnumSource(CliDatabase.class)
    void saysSoWhenThereIsNothingToRepair(CliDatabase database) {
        cli.onFresh(database);
        assertThat(cli.run("migrate")).isZero();

        assertThat(cli.run("repair")).isZero();
        assertThat(cli.outLines()).containsExactly(
                "Nothing to repair: the migration history matches the shipped migrations");
    }

    @Test
    void aMissingDatabaseFailsRepairWithOneLine() {
        assertThat(cli.run("repair")).isEqualTo(1);
        assertThat(cli.errLines()).singleElement().asString().startsWith("repair failed: no SQLite database at ");
        assertThat(cli.database()).doesNotExist();
    }
}
