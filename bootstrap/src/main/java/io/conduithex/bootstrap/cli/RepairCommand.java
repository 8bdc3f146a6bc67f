package io.conduithex.bootstrap.cli;

import io.conduithex.bootstrap.config.AppConfig;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** Repairs the schema history, as {@code flyway repair} does, and says what it changed. */
@Command(name = "repair", description = {"Repair the migration history: remove the entries of failed migrations and",
        "realign the checksums and descriptions of applied ones with the shipped files. Changes no table",
        "but the history; undo a failed migration's partial changes by hand first.",
        "Exit codes: 0 repaired or nothing to repair, 1 failed, 2 bad configuration."})
final class RepairCommand extends DatabaseCommand {

    @Override
    int run(AppConfig config, PrintWriter out, PrintWriter err) {
        try (var persistence = openExisting(config.database())) {
            var actions = persistence.migrations().repair();
            if (actions.isEmpty()) {
                out.println("Nothing to repair: the migration history matches the shipped migrations");
            } else {
                actions.forEach(action -> out.println("Repaired: " + action));
                out.println("Repair done: " + actions.size() + " change(s)");
            }
            return 0;
        }
    }
}
