package io.conduithex.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.testsupport.kit.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process; configuration is given as system properties, which override the environment. */
class MainTest {
    @RegisterExtension
    final CommandLineRun cli = new CommandLineRun();

    @Test
    void aBadVariableStopsServeWithExitCode2AndExactlyOneLine() {
        cli.configure("PORT", "abc");

        int exitCode = cli.run("serve");

        assertThat(exitCode).isEqualTo(2);
        assertThat(cli.errLines())
                .containsExactly("Invalid configuration: PORT must be an integer between 0 and 65535, was \"abc\"");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void serveGivesUpOnAnUnreachableDatabaseAfterTheStartupTimeoutWithOneLine() {
        int closedPort = FreePort.pick();
        cli.configure("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/conduit");
        cli.configure("DATABASE_USER", "conduit");
        cli.configure("DATABASE_PASSWORD", "never-printed");
        cli.configure("PORT", "0");
        cli.configure("DB_STARTUP_TIMEOUT_MS", "1500");

        long began = System.nanoTime();
        int exitCode = cli.run("serve");
        long tookMillis = (System.nanoTime() - began) / 1_000_000;

        assertThat(exitCode).isEqualTo(1);
        assertThat(tookMillis).isBetween(1_500L, 20_000L); // not hanging: loaded CI machines are slow to start
        assertThat(cli.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("conduit: could not start: the database at jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/conduit was not reachable within 1500 ms (")
                .contains("DB_STARTUP_TIMEOUT_MS")
                .contains("refused")
                .doesNotContain("never-printed"));
    }

    @Test
    void migrateFailsWithExitCode1AndOneLineWhenTheDatabaseCannotBeReached() {
        int closedPort = FreePort.pick();
        cli.configure("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/conduit");
        cli.configure("DATABASE_PASSWORD", "never-printed");

        assertThat(cli.run("migrate")).isEqualTo(1);
        assertThat(cli.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Migration failed: ").contains("refused").doesNotContain("never-printed"));
    }

    @Test
    void aBadVariableStopsMigrateToo() {
        cli.configure("DB_POOL_SIZE", "lots");

        assertThat(cli.run("migrate")).isEqualTo(2);
        assertThat(cli.errLines()).containsExactly(
                "Invalid configuration: DB_POOL_SIZE must be an integer between 1 and 1000, was \"lots\"");
    }

    @Test
    void migrateAppliesTheMigrationsAndSaysWhatItDid(@TempDir Path folder) {
        Path database = folder.resolve("nested").resolve("conduit.db");
        cli.configure("DATABASE_URL", "jdbc:sqlite:" + database);

        int first = cli.run("migrate");
        String firstReport = cli.out();
        int second = cli.run("migrate");

        assertThat(first).isZero();
        assertThat(Files.exists(database)).isTrue();
        assertThat(firstReport).containsPattern("Applied [1-9][0-9]* migration\\(s\\) to SQLITE database");
        assertThat(second).isZero();
        assertThat(cli.out()).contains("Applied 0 migration(s)");
    }

    @Test
    void eachCommandHasHelpListingTheEnvironmentVariables() {
        assertThat(cli.run("serve", "--help")).isZero();
        assertThat(cli.out()).contains("serve", "DATABASE_URL", "JWT_TTL", "ISO-8601", "BCRYPT_COST");

        assertThat(cli.run("migrate", "--help")).isZero();
        assertThat(cli.out()).contains("migrate", "DATABASE_URL");
    }

    @Test
    void withoutACommandItExplainsItselfAndFails() {
        assertThat(cli.run()).isEqualTo(2);
        assertThat(String.join("\n", cli.errLines())).contains("serve", "migrate", "doctor", "seed");
    }
}
