package io.conduithex.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseCommandHelpTest {
    @RegisterExtension
    final CommandLineRun cli = new CommandLineRun();

    @ParameterizedTest
    @ValueSource(strings = {"info", "validate", "repair", "setup", "doctor"})
    void eachDatabaseCommandExplainsItselfItsExitCodesAndTheVariables(String command) {
        assertThat(cli.run(command, "--help")).isZero();
        assertThat(cli.out()).contains("Usage: conduit " + command, "Exit codes: 0", "DATABASE_URL",
                "DATABASE_MIGRATION_USER");
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "validate", "repair", "setup", "doctor"})
    void theTopLevelHelpListsEachDatabaseCommand(String command) {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.outLines()).anySatisfy(line -> assertThat(line).startsWith("  " + command + " "));
    }

    @Test
    void doctorsHelpStatesThePoolBudgetRule() {
        assertThat(cli.run("doctor", "--help")).isZero();
        assertThat(cli.out()).contains("DB_POOL_SIZE x INSTANCES", "under 80% of max_connections");
    }
}
