package io.conduithex.bootstrap.reliability;

import io.conduithex.bootstrap.reliability.FaultServer.Session;
import io.conduithex.bootstrap.reliability.RunningConduit.Limits;
import io.conduithex.testsupport.kit.CapturedLogs;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
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
 * Base of the fault tests, written once for every database server: each class owns a server of the product its
 * subclass names ({@link FaultServer}: so it may stop it, restart it and end its sessions), each test gets a fresh
 * database on it and starts the real application with the limits it needs. Whatever a test opens is closed after
 * it, newest first; the application's log is printed only when the test fails.
 */
@ExtendWith(CapturedLogs.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultTest {

    private final FaultServer.Launcher launcher;
    FaultServer server;
    String database;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    FaultTest(FaultServer.Launcher launcher) {
        this.launcher = launcher;
    }

    @BeforeAll
    final void launchServer() {
        server = launcher.launch();
    }

    @AfterAll
    final void closeServer() {
        server.close();
    }

    @BeforeEach
    final void createDatabase() {
        database = "conduit_" + UUID.randomUUID().toString().replace("-", "");
        server.createDatabase(database);
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
        if (!server.isRunning()) {
            server.start();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Starts the application on the test's database, reached directly. */
    RunningConduit startConduit(Limits limits) {
        return startConduitThrough(server.port(), limits);
    }

    /** Starts the application on the test's database, reached through {@code port} on 127.0.0.1 (a proxy). */
    RunningConduit startConduitThrough(int port, Limits limits) {
        return closeAfterwards(RunningConduit.start(server.url(port, database), server.user(), limits));
    }

    /** A superuser connection to the test's database, outside the application, closed after the test. */
    Connection admin() throws SQLException {
        return closeAfterwards(server.connect(database));
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
     * the database, no write is stored twice, and every connection the requests took went back to the pool.
     */
    void assertNothingAcknowledgedWasLost(RunningConduit app, LoadGenerator load, List<Call> calls)
            throws SQLException {
        List<Call> everything = new ArrayList<>(load.setup());
        everything.addAll(calls);
        Connection admin = admin();
        StoredWrites.assertEveryAcknowledgedWriteIsStored(admin, everything);
        StoredWrites.assertNothingStoredTwice(admin);
        app.assertPoolReturnsToNoActiveConnections(Duration.ofSeconds(1));
    }

    /** The application's sessions, as the server shows them. */
    List<Session> sessionsOf(RunningConduit app) {
        return server.sessions(app.applicationName());
    }

    /**
     * Waits until the application's sessions, as the server shows them, satisfy {@code condition}; fails after
     * {@code timeout} naming {@code what} was awaited. Returns the sessions that satisfied it.
     */
    List<Session> awaitSessions(RunningConduit app, Predicate<List<Session>> condition, Duration timeout,
                                String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Session> sessions = sessionsOf(app);
        while (!condition.test(sessions)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what + "; sessions: "
                        + sessions);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            sessions = sessionsOf(app);
        }
        return sessions;
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
