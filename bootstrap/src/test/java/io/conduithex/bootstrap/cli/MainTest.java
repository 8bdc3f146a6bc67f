package io.conduithex.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.conduithex.testsupport.kit.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line, run in-process; configuration is given as system properties, which override the environment. */
class MainTest {
    @RegisterExtension
    final CommandLineRun cli = new CommandLineRun();

    static Stream<Arguments> aBadVariableStopsTheCommandWithExitCode2AndExactlyOneLine() {
        return Stream.of(
                arguments("serve", "PORT", "abc", "PORT must be an integer between 0 and 65535, was \"abc\""),
                arguments("migrate", "DB_POOL_SIZE", "lots",
                        "DB_POOL_SIZE must be an integer between 1 and 1000, was \"lots\""),
                arguments("info", "DB_POOL_SIZE", "lots",
                        "DB_POOL_SIZE must be an integer between 1 and 1000, was \"lots\""),
                arguments("doctor", "INSTANCES", "0", "INSTANCES must be an integer between 1 and 1000, was \"0\""));
    }

    @ParameterizedTest(name = "{0} with {1}={2}")
    @MethodSource
    void aBadVariableStopsTheCommandWithExitCode2AndExactlyOneLine(String command, String variable, String value,
                                                                    String problem) {
        cli.configure(variable, value);

        assertThat(cli.run(command)).isEqualTo(2);
        assertThat(cli.errLines()).containsExactly("Invalid configuration: " + problem);
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void serveGivesUpOnAnUnreachableDatabaseAfterTheStartupTimeoutWithOneLine() {
        int closedPort = cli.onUnreachablePostgres();
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
                .doesNotContain(CommandLineRun.NEVER_PRINTED));
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
