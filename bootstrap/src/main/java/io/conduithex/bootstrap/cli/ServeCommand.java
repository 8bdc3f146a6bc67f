package io.conduithex.bootstrap.cli;

import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.bootstrap.startup.StartupException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Migrates the database, then serves the API until the process is told to stop (SIGTERM, Ctrl-C). */
@Command(name = "serve", description = {"Wait for the database (up to DB_STARTUP_TIMEOUT_MS), apply pending migrations,",
        "then serve the API. /health/ready answers 503 until the database is reached and migrated."})
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Override
    public Integer call() throws InterruptedException {
        var config = ConduitCommandLine.loadConfiguration(spec.commandLine().getErr());
        if (config.isEmpty()) {
            return ConduitCommandLine.EXIT_BAD_CONFIGURATION;
        }
        Conduit conduit;
        try {
            conduit = Conduit.start(config.get());
        } catch (StartupException e) {
            // The message names what failed and why; the stack trace adds nothing an operator can act on.
            log.debug("Conduit could not start", e);
            spec.commandLine().getErr().println("conduit: could not start: " + e.getMessage());
            return ConduitCommandLine.EXIT_FAILED;
        } catch (RuntimeException e) {
            log.error("Conduit could not start", e);
            return ConduitCommandLine.EXIT_FAILED;
        }
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutdown requested");
            try {
                conduit.close();
            } catch (RuntimeException e) {
                log.error("Shutdown did not complete cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "conduit-shutdown"));
        stopped.await();
        return 0;
    }
}
