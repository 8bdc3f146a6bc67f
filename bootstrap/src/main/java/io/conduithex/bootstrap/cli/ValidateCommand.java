package io.conduithex.bootstrap.cli;

import io.conduithex.bootstrap.config.AppConfig;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** Checks that the applied migrations are exactly the shipped ones. */
@Command(name = "validate", description = {"Check that the migrations applied to the database match the ones this",
        "version ships: same checksums, none missing, none pending, none failed. Changes nothing.",
        "Exit codes: 0 valid, 1 invalid (one line per problem) or unreadable, 2 bad configuration."})
final class ValidateCommand extends DatabaseCommand {

    @Override
    int run(AppConfig config, PrintWriter out, PrintWriter err) {
        try (var persistence = openExisting(config.database())) {
            var migrations = persistence.migrations();
            var problems = migrations.validate();
            if (problems.isEmpty()) {
                var summary = migrations.state();
                out.println("Valid: " + summary.applied()
                        + " applied migration(s) match the shipped ones; schema version " + summary.currentVersion());
                return 0;
            }
            problems.forEach(problem -> out.println("INVALID " + problem));
            err.println("validate: " + problems.size() + " problem(s); 'conduit repair' realigns checksums and "
                    + "removes failed entries, 'conduit migrate' applies pending migrations");
            return EXIT_FAILED;
        }
    }
}
