package io.conduithex.bootstrap.cli;

import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.JdbcUrls;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.config.ConfigSource;
import io.conduithex.bootstrap.config.ConfigurationException;
import io.conduithex.bootstrap.config.SqliteFiles;
import io.conduithex.bootstrap.logging.LogFormats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command shares (each works on the configured database): its options checked first (bad usage:
 * exit 2 with the usage), then the configuration read as serve reads it (exit 2 with one line when it is bad),
 * then the work; a failure is reported as one line on standard error with exit code 1, the stack trace going
 * to the log. Commands that work on the database open it with one pooled connection.
 */
abstract class DatabaseCommand implements Callable<Integer> {
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_CONFIGURATION = 2;

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
    public final Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        checkOptions();
        var config = loadConfiguration(err);
        if (config.isEmpty()) {
            return EXIT_BAD_CONFIGURATION;
        }
        try {
            return run(config.get(), out, err);
        } catch (ParameterException e) {
            throw e;
        } catch (CommandFailure e) {
            err.println(spec.name() + " failed: " + e.getMessage());
            return EXIT_FAILED;
        } catch (RuntimeException e) {
            reportFailure(e, err);
            return EXIT_FAILED;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Checks the options that picocli cannot check alone, before the configuration is read.
     *
     * @throws ParameterException when they do not go together: exit code 2, with the usage
     */
    void checkOptions() {
    }

    /** Does the work; returns the exit code. */
    abstract int run(AppConfig config, PrintWriter out, PrintWriter err) throws InterruptedException;

    /** Says in one line on {@code err} why the command failed unexpectedly; the details go to the log. */
    void reportFailure(RuntimeException failure, PrintWriter err) {
        log.debug("{} failed", spec.name(), failure);
        err.println(spec.name() + " failed: " + describe(failure));
    }

    /**
     * The configuration from the environment, or empty after printing the one line that says what is wrong. The
     * log format it names (LOG_FORMAT) takes effect here, before the command logs anything.
     */
    static Optional<AppConfig> loadConfiguration(PrintWriter err) {
        try {
            AppConfig config = AppConfig.load(ConfigSource.system());
            LogFormats.apply(config.operations().logFormat());
            return Optional.of(config);
        } catch (ConfigurationException e) {
            err.println("Invalid configuration: " + e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    /**
     * Opens the database with one pooled connection whatever DB_POOL_SIZE says: a command needs no more, and a
     * large configured pool would otherwise fill up in the background against the server's connection limit.
     */
    static JdbiPersistence open(DatabaseSettings settings) {
        return JdbiPersistence.open(settings.toBuilder().poolSize(1).build(), new SimpleMeterRegistry());
    }

    /**
     * Opens the database for a command that writes to it, as serve would: the effective configuration logged
     * once, a SQLite file's folder created when missing.
     */
    static JdbiPersistence openForWriting(AppConfig config) {
        log.info("Configuration: {}", config.describe());
        SqliteFiles.ensureFolderExists(config.database().url());
        return open(config.database());
    }

    /** Opens the database for a command that only reads or repairs it: a missing SQLite file is not created. */
    static JdbiPersistence openExisting(DatabaseSettings settings) {
        requireExistingDatabase(settings);
        return open(settings);
    }

    /** On SQLite, insists that the database file exists, so that a read-only command does not create it. */
    static void requireExistingDatabase(DatabaseSettings settings) {
        SqliteFiles.databaseFile(settings.url()).filter(file -> !Files.exists(file)).ifPresent(file -> {
            throw new CommandFailure("no SQLite database at " + file.toAbsolutePath()
                    + "; run 'conduit setup' to create it");
        });
    }

    /** The database a command works on, for its first line: dialect and URL, any password masked. */
    static String describeDatabase(JdbiPersistence persistence, DatabaseSettings settings) {
        return persistence.dialect() + " database " + JdbcUrls.masked(settings.url());
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
