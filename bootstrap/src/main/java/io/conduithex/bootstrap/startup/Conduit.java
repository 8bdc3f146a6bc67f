package io.conduithex.bootstrap.startup;

import io.conduithex.application.maintenance.Housekeeping;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import io.conduithex.adapter.jdbi.JdbiPersistence;
import io.conduithex.adapter.web.Readiness;
import io.conduithex.adapter.web.WebServer;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.wiring.ConduitModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application: the object graph built from the configuration, the HTTP server listening, the
 * database reached (waiting for it up to the startup timeout) and migrated. {@link #close()} shuts it down in order: stop accepting, finish requests in flight, close
 * the connection pool. Thread-safe; close is idempotent.
 */
public final class Conduit implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Conduit.class);

    private final WebServer web;
    private final JdbiPersistence persistence;
    private final MeterRegistry meters;
    private final int port;
    private final HousekeepingSchedule housekeeping;
    private boolean serving = true;
    private boolean closed;

    private Conduit(WebServer web, JdbiPersistence persistence, MeterRegistry meters, int port,
                    HousekeepingSchedule housekeeping) {
        this.web = web;
        this.persistence = persistence;
        this.meters = meters;
        this.port = port;
        this.housekeeping = housekeeping;
    }

    /**
     * Builds the application, applies pending migrations and starts serving.
     *
     * @param overrides modules whose bindings replace the production ones (tests bind their own database)
     */
    public static Conduit start(AppConfig config, Module... overrides) {
        log.info("Configuration: {}", config.describe());
        if (config.security().jwtSecretGenerated()) {
            log.warn("JWT_SECRET is not set: using a random secret, so tokens will not survive a restart");
        }
        warnIfHashingCanHoldTheHttpThreads(config);
        // Singletons are built on demand, the database first: when it cannot be opened, nothing else is tried
        // (eager singletons would each try to open it again, and wait out the pool timeout every time).
        Duration startupTimeout = config.operations().startupTimeout();
        var injector = Guice.createInjector(Stage.DEVELOPMENT, Modules.override(new ConduitModule(config)).with(overrides));
        JdbiPersistence persistence;
        try {
            persistence = injector.getInstance(JdbiPersistence.class);
        } catch (ProvisionException e) {
            throw StartupException.of("cannot open the database", e);
        }
        // The database is reached and migrated while the web server is built and started: on a small machine
        // each takes a few hundred milliseconds of the time to ready, and neither needs the other.
        var migration = new BackgroundMigration(() -> new DatabaseStartup(persistence, startupTimeout)
                .migrateWhenReachable(config.database().url()));
        WebServer web;
        Readiness readiness;
        try {
            readiness = injector.getInstance(Readiness.class);
            // Clients only learn that it waits; the reason (host, user, driver message) is for the log.
            readiness.notReady("waiting for the database");
            migration.start();
            web = injector.getInstance(WebServer.class);
        } catch (ProvisionException e) {
            migration.abandon(e, startupTimeout);
            closeAfter(e, persistence);
            throw StartupException.of("cannot build the application", e);
        }
        try {
            // Listening before the database is reached lets probes see "not ready" (and why) instead of nothing.
            int port = web.start();
            var migrated = migration.result();
            log.info("Database ({}) migrated: {} migration(s) applied, schema version {}", persistence.dialect(),
                    migrated.applied(), migrated.currentVersion());
            readiness.ready();
            log.info("Conduit is serving on port {}", port);
            return new Conduit(web, persistence, injector.getInstance(MeterRegistry.class), port,
                    new HousekeepingSchedule(injector.getInstance(Housekeeping.class)));
        } catch (RuntimeException e) {
            migration.abandon(e, startupTimeout);
            try {
                web.stop();
            } catch (RuntimeException stopping) {
                e.addSuppressed(stopping);
            }
            closeAfter(e, persistence);
            throw e;
        }
    }

    /**
     * Each password hash running or waiting holds an HTTP thread; when they can hold half of them or more, a burst
     * of logins again takes the threads every other request needs. A warning, not a refusal: tests and machines
     * that expect bursts of registrations choose it knowingly.
     */
    private static void warnIfHashingCanHoldTheHttpThreads(AppConfig config) {
        var logins = config.security().logins();
        int holding = logins.hashThreads() + logins.hashWaiting();
        int httpThreads = config.webSettings().httpThreads();
        if (holding * 2 >= httpThreads) {
            log.warn("PASSWORD_HASH_THREADS + PASSWORD_HASH_WAITING ({}) can hold half or more of the {} HTTP_THREADS "
                    + "during a burst of logins; keep it well below", holding, httpThreads);
        }
    }

    private static void closeAfter(RuntimeException failure, JdbiPersistence persistence) {
        try {
            persistence.close();
        } catch (RuntimeException closing) {
            failure.addSuppressed(closing);
        }
    }

    public int port() {
        return port;
    }

    /** Stops accepting requests and waits (bounded) for those in flight; the database stays open. Idempotent. */
    public synchronized void stopServing() {
        if (serving) {
            serving = false;
            web.stop();
        }
    }

    /** Stops serving, then closes the connection pool. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("Conduit shutting down: stopping the HTTP server");
        try {
            stopServing();
        } finally {
            log.info("Conduit shutting down: closing the database pool");
            housekeeping.close();
            try {
                persistence.close();
            } finally {
                meters.close();
                log.info("Conduit stopped");
            }
        }
    }
}
