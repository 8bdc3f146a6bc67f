package io.conduithex.bootstrap.reliability;

import io.conduithex.bootstrap.reliability.RunningConduit.Limits;
import io.conduithex.testsupport.kit.CapturedLogs;
import io.conduithex.testsupport.postgres.OwnedPostgres;
import io.conduithex.testsupport.postgres.OwnedPostgres.Backend;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the PostgreSQL fault tests: each class owns an embedded PostgreSQL server (so it may stop it, restart it
 * and end its sessions), each test gets a fresh database on it and starts the real application with the limits
 * it needs. Whatever a test opens is closed after it, newest first; the application's log is printed only when
 * the test fails.
 */
@ExtendWith(CapturedLogs.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultTest {

    OwnedPostgres postgres;
    String database;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    @BeforeAll
    final void launchPostgres() {
        postgres = OwnedPostgres.launch();
    }

    @AfterAll
    final void closePostgres() {
        postgres.close();
    }

    @BeforeEach
    final void createDatabase() {
        database = postgres.createDatabase();
    }

    @AfterEach
    final void closeWhatTheTestOpened() throws Exception {
        Exception failure = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        // A test that failed half-way through an outage must not leave the next one without a server.
        if (!postgres.isRunning()) {
            postgres.start();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Starts the application on the test's database, reached directly. */
    RunningConduit startConduit(Limits limits) {
        return startConduitThrough(postgres.port(), limits);
    }

    /** Starts the application on the test's database, reached through {@code port} on 127.0.0.1 (a proxy). */
    RunningConduit startConduitThrough(int port, Limits limits) {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        return closeAfterwards(RunningConduit.start(url, postgres.user(), limits));
    }

    /** A superuser connection to the test's database, outside the application, closed after the test. */
    Connection admin() throws SQLException {
        return closeAfterwards(postgres.connect(database));
    }

    <T extends AutoCloseable> T closeAfterwards(T resource) {
        opened.push(resource);
        return resource;
    }

    /**
     * Starts a steady load on {@code app} ({@code clients} threads, each pausing {@code pace} between requests, for
     * at most a minute and 2,000 requests a thread), closed after the test, and waits (bounded) until
     * {@code successes} of its requests succeeded: the load a scenario then injects its fault into.
     */
    LoadGenerator steadyLoad(RunningConduit app, int clients, Duration pace, int successes) {
        LoadGenerator load = closeAfterwards(new LoadGenerator(app.client(), clients, Duration.ofSeconds(60), 2_000,
                pace));
        load.start();
        load.awaitSuccesses(successes, System.nanoTime(), Duration.ofSeconds(20));
        return load;
    }

    /**
     * Nothing a client was told is stored went missing: every write the load acknowledged, its setup included, is in
     * the database, and every connection the requests took went back to the pool.
     */
    void assertNothingAcknowledgedWasLost(RunningConduit app, LoadGenerator load, List<Call> calls)
            throws SQLException {
        List<Call> everything = new ArrayList<>(load.setup());
        everything.addAll(calls);
        StoredWrites.assertEveryAcknowledgedWriteIsStored(admin(), everything);
        app.assertPoolReturnsToNoActiveConnections(Duration.ofSeconds(1));
    }

    /**
     * Waits until the application's sessions, as PostgreSQL shows them, satisfy {@code condition}; fails after
     * {@code timeout} naming {@code what} was awaited. Returns the sessions that satisfied it.
     */
    List<Backend> awaitBackends(RunningConduit app, Predicate<List<Backend>> condition, Duration timeout,
                                String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Backend> backends = postgres.backends(app.applicationName());
        while (!condition.test(backends)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what + "; sessions: "
                        + backends);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            backends = postgres.backends(app.applicationName());
        }
        return backends;
    }

    /**
     * Lets the scenario run for {@code duration}: the length of an outage or of the load after it, which the
     * scenario prescribes. Never used to wait for something to happen.
     */
    static void holdFor(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Lets the scenario run until {@code nanos} on the monotonic clock. */
    static void holdUntil(long nanos) {
        holdFor(Duration.ofNanos(Math.max(0, nanos - System.nanoTime())));
    }
}
