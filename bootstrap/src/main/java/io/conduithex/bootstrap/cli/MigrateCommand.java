package io.conduithex.bootstrap.cli;

import io.conduithex.adapter.jdbi.migration.SchemaState;
import io.conduithex.bootstrap.config.AppConfig;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Applies pending migrations, says what it did, and exits. */
@Command(name = "migrate", description = "Apply pending database migrations, print what was done, and exit.")
final class MigrateCommand extends DatabaseCommand {
    private static final Logger log = LoggerFactory.getLogger(MigrateCommand.class);

    @Override
    int run(AppConfig config, PrintWriter out, PrintWriter err) {
        try (var persistence = openForWriting(config)) {
            var result = persistence.migrate();
            out.println("Applied " + result.applied() + " migration(s) to "
                    + describeDatabase(persistence, config.database()) + "; schema version is now "
                    + SchemaState.label(result.currentVersion()));
            return 0;
        }
    }

    @Override
    void reportFailure(RuntimeException failure, PrintWriter err) {
        log.error("Migration failed", failure);
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        // One line, whatever the driver or Flyway put in the message; the stack trace is in the log.
        err.println("Migration failed: " + reason.replaceAll("\\s*\\R\\s*", " ").strip());
    }
}
