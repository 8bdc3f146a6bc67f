package io.conduithex.bootstrap;

import io.conduithex.adapter.jdbi.migration.SchemaState;
import io.conduithex.adapter.jdbi.values.JdbcUrls;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Applies pending migrations, says what it did, and exits. */
@Command(name = "migrate", description = "Apply pending database migrations, print what was done, and exit.")
final class MigrateCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(MigrateCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() {
        var config = Main.loadConfiguration(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return Main.EXIT_BAD_CONFIGURATION;
        }
        var settings = config.get().database();
        log.info("Configuration: {}", config.get().describe());
        SqliteFiles.ensureFolderExists(settings.url());
        try (var persistence = DatabaseCommand.open(settings)) {
            var result = persistence.migrate();
            var out = spec.commandLine().getOut();
            out.println("Applied " + result.applied() + " migration(s) to " + persistence.dialect()
                    + " database " + JdbcUrls.masked(settings.url())
                    + "; schema version is now " + SchemaState.label(result.currentVersion()));
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            log.error("Migration failed", e);
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            // One line, whatever the driver or Flyway put in the message; the stack trace is in the log.
            spec.commandLine().getErr().println("Migration failed: " + reason.replaceAll("\\s*\\R\\s*", " ").strip());
            return Main.EXIT_FAILED;
        }
    }
}
