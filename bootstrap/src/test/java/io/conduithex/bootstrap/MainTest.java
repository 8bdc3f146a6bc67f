package io.conduithex.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process; configuration is given as system properties, which override the environment. */
class MainTest {
    private final Map<String, String> propertiesBefore = new HashMap<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void restoreProperties() {
        propertiesBefore.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void aBadVariableStopsServeWithExitCode2AndExactlyOneLine() {
        configure("PORT", "abc");

        int exitCode = run("serve");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString().lines())
                .containsExactly("Invalid configuration: PORT must be an integer between 0 and 65535, was \"abc\"");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void serveGivesUpOnAnUnreachableDatabaseAfterTheStartupTimeoutWithOneLine() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        configure("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/conduit");
        configure("DATABASE_USER", "conduit");
        configure("DATABASE_PASSWORD", "never-printed");
        configure("PORT", "0");
        configure("DB_STARTUP_TIMEOUT_MS", "1500");

        long began = System.nanoTime();
        int exitCode = run("serve");
        long tookMillis = (System.nanoTime() - began) / 1_000_000;

        assertThat(exitCode).isEqualTo(1);
        assertThat(tookMillis).isBetween(1_500L, 20_000L); // not hanging: loaded CI machines are slow to start
        assertThat(err.toString().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("conduit: could not start: the database at jdbc:postgresql://127.0.0.1:" + closedPort
                        + "/conduit was not reachable within 1500 ms (")
                .contains("DB_STARTUP_TIMEOUT_MS")
                .contains("refused")
                .doesNotContain("never-printed"));
    }

    @Test
    void migrateFailsWithExitCode1AndOneLineWhenTheDatabaseCannotBeReached() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        configure("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/conduit");
        configure("DATABASE_PASSWORD", "never-printed");

        assertThat(run("migrate")).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("Migration failed: ").contains("refused").doesNotContain("never-printed"));
    }

    @Test
    void aBadVariableStopsMigrateToo() {
        configure("DB_POOL_SIZE", "lots");

        assertThat(run("migrate")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "Invalid configuration: DB_POOL_SIZE must be an integer between 1 and 1000, was \"lots\"");
    }

    @Test
    void migrateAppliesTheMigrationsAndSaysWhatItDid(@TempDir Path folder) {
        Path database = folder.resolve("nested").resolve("conduit.db");
        configure("DATABASE_URL", "jdbc:sqlite:" + database);

        int first = run("migrate");
        String firstReport = out.toString();
        out.getBuffer().setLength(0);
        int second = run("migrate");

        assertThat(first).isZero();
        assertThat(Files.exists(database)).isTrue();
        assertThat(firstReport).containsPattern("Applied [1-9][0-9]* migration\\(s\\) to SQLITE database");
        assertThat(second).isZero();
        assertThat(out.toString()).contains("Applied 0 migration(s)");
    }

    @Test
    void eachCommandHasHelpListingTheEnvironmentVariables() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("serve", "DATABASE_URL", "JWT_TTL", "ISO-8601", "BCRYPT_COST");
        out.getBuffer().setLength(0);

        assertThat(run("migrate", "--help")).isZero();
        assertThat(out.toString()).contains("migrate", "DATABASE_URL");
    }

    @Test
    void withoutACommandItExplainsItselfAndFails() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("serve", "migrate");
    }

    private void configure(String name, String value) {
        propertiesBefore.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }

    private int run(String... args) {
        return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
    }
}
