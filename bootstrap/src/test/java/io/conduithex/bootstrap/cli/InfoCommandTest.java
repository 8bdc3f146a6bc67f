package io.conduithex.bootstrap.cli;

import static io.conduithex.bootstrap.cli.ShippedMigrations.LATEST;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InfoCommandTest {
    @RegisterExtension
    final CommandLineRun cli = new CommandLineRun();

    @ParameterizedTest
    @EnumSource(CliDatabase.class)
    void listsEveryShippedMigrationAsPendingOnAnEmptyDatabaseAndAsSuccessOnceMigrated(CliDatabase database) {
        cli.onFresh(database);

        assertThat(cli.run("info")).isZero();
        assertThat(cli.outLines()).anySatisfy(line -> assertThat(line)
                .matches("\\| Version \\| Description +\\| Type \\| Installed on \\| State +\\|"));
        assertThat(cli.outLines()).anySatisfy(line -> assertThat(line).matches("\\| 1 +\\| users and follows +\\| SQL "
                + "+\\| +\\| Pending +\\|"));
        assertThat(cli.outLines()).last().isEqualTo("Schema version <empty>: 0 applied, " + LATEST
                + " pending, 0 failed");

        assertThat(cli.run("migrate")).isZero();
        assertThat(cli.run("info")).isZero();
        assertThat(cli.outLines()).anySatisfy(line -> assertThat(line).matches("\\| 2 +\\| articles tags favorites "
                + "comments +\\| SQL +\\| \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\| Success \\|"));
        assertThat(cli.outLines()).last().isEqualTo("Schema version " + LATEST + ": " + LATEST
                + " applied, 0 pending, 0 failed");
    }

    @Test
    void failsWithOneLineAndCreatesNothingWhenTheSqliteFileIsMissing(@TempDir Path folder) {
        Path database = folder.resolve("missing").resolve("conduit.db");
        cli.configure("DATABASE_URL", "jdbc:sqlite:" + database);

        assertThat(cli.run("info")).isEqualTo(1);
        assertThat(cli.errLines()).containsExactly("info failed: no SQLite database at " + database.toAbsolutePath()
                + "; run 'conduit setup' to create it");
        assertThat(cli.out()).isEmpty();
        assertThat(folder.resolve("missing")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void failsWithOneLineWhenTheServerIsUnreachable(CliDatabase database) {
        int port = cli.onUnreachable(database);

        assertThat(cli.run("info")).isEqualTo(1);
        assertThat(cli.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("info failed: ")
                .contains("127.0.0.1", String.valueOf(port))
                .containsIgnoringCase("refused")
                .doesNotContain(CommandLineRun.NEVER_PRINTED));
    }
}
