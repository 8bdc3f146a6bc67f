package io.conduithex.bootstrap.cli;

import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.startup.Conduit;
import io.conduithex.bootstrap.startup.StartupException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Migrates the database, then serves the API until the process is told to stop (SIGTERM, Ctrl-C). */
@Command(name = "serve", description = {"Wait for the database (up to DB_STARTUP_TIMEOUT_MS), apply pending migrations,",
        "then serve the API. /health/ready answers 503 until the database is reached and migrated."})
final class ServeCommand extends DatabaseCommand {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    int run(AppConfig config, PrintWriter out, PrintWriter err) throws InterruptedException {
        Conduit conduit = Conduit.start(config);
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

    @Override
    void reportFailure(RuntimeException failure, PrintWriter err) {
        if (failure instanceof StartupException) {
            // The message names what failed and why; the stack trace adds nothing an operator can act on.
            log.debug("Conduit could not start", failure);
            err.println("conduit: could not start: " + failure.getMessage());
        } else {
            log.error("Conduit could not start", failure);
            err.println("conduit: could not start: " + describe(failure));
        }
    }
}
