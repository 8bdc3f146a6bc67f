package io.conduithex.bootstrap;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.JdbcUrls;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.bootstrap.config.AppConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What the database commands (info, validate, repair, setup, doctor) share: configuration read as serve reads
 * it (exit 2 with one line when it is bad), a pool of one connection, and any unexpected failure reported as one
 * line on standard error with exit code 1 (the stack trace goes to the log).
 */
abstract class DatabaseCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(DatabaseCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    /** A failure the command explains in its own words; no stack trace is worth logging. */
    static final class CommandFailure extends RuntimeException {
        CommandFailure(String message) {
            super(message);
        }
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var config = Main.loadConfiguration(err);
        if (config.isEmpty()) {
            return Main.EXIT_BAD_CONFIGURATION;
        }
        try {
            return run(config.get(), out, err);
        } catch (CommandFailure e) {
            err.println(spec.name() + " failed: " + e.getMessage());
            return Main.EXIT_FAILED;
        } catch (RuntimeException e) {
            log.debug("{} failed", spec.name(), e);
            err.println(spec.name() + " failed: " + describe(e));
            return Main.EXIT_FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Does the work; returns the exit code. */
    abstract int run(AppConfig config, PrintWriter out, PrintWriter err);

    /**
     * Opens the database with one pooled connection whatever DB_POOL_SIZE says: a command needs no more, and a
     * large configured pool would otherwise fill up in the background against the server's connection limit.
     */
    static JdbiPersistence open(DatabaseSettings settings) {
        return JdbiPersistence.open(settings.toBuilder().poolSize(1).build(), new SimpleMeterRegistry());
    }

    /** On SQLite, insists that the database file exists, so that a read-only command does not create it. */
    static void requireExistingDatabase(DatabaseSettings settings) {
        SqliteFiles.databaseFile(settings.url()).filter(file -> !Files.exists(file)).ifPresent(file -> {
            throw new CommandFailure("no SQLite database at " + file.toAbsolutePath()
                    + "; run 'conduit setup' to create it");
        });
    }

    /**
     * The failure's own message, first line only (Flyway and JDBI put the useful sentence first and the details
     * after), with any password in a URL masked; the cause's when the failure has no message.
     */
    static String describe(Throwable failure) {
        Throwable described = failure;
        while (described.getMessage() == null && described.getCause() != null && described.getCause() != described) {
            described = described.getCause();
        }
        String message = described.getMessage() == null ? described.getClass().getSimpleName()
                : described.getMessage().strip();
        int newline = message.indexOf('\n');
        return JdbcUrls.masked((newline < 0 ? message : message.substring(0, newline)).strip());
    }
}
