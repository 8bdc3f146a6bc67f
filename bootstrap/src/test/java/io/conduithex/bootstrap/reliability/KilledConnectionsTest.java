package io.conduithex.bootstrap.reliability;

import static io.conduithex.bootstrap.reliability.CallAssertions.assertAllAnswered;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertAllSucceeded;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertNoServerErrors;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.reliability.RunningConduit.Limits;
import io.conduithex.testsupport.postgres.OwnedPostgres.Backend;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Connections killed: ending the application's database sessions ({@code pg_terminate_backend}) in the middle of
 * its work is invisible to clients. Reads and writes that lost their session before COMMIT are run again on a
 * fresh connection; a write that lost it during COMMIT is settled by asking the database what became of the
 * transaction, so it is neither lost nor stored twice. Nothing acknowledged is lost; there is never a 500.
 */
class KilledConnectionsTest extends FaultTest {

    /**
     * A pool no larger than the retries: after every session is killed, a request that meets only dead
     * connections still has a fresh one for its last attempt.
     */
    private static final Limits LIMITS = new Limits(RunningConduit.MAX_RETRIES, Duration.ofMillis(2000),
            Duration.ofMillis(5000));
    private static final int KILL_ROUNDS = 5;
    private static final long HOLD_KEY = 7001;

    @Test
    void killingEverySessionOfTheApplicationRepeatedlyUnderLoadIsInvisibleToItsClients() throws Exception {
        RunningConduit app = startConduit(LIMITS);
        LoadGenerator load = steadyLoad(app, 4, Duration.ofMillis(20), 20);

        for (int round = 0; round < KILL_ROUNDS; round++) {
            long killed = System.nanoTime();
            assertThat(postgres.terminateBackends(app.applicationName())).as("sessions killed in round %d", round)
                    .isPositive();
            // The next round only once the load has gone on after this one.
            load.awaitSuccesses(50, killed, Duration.ofSeconds(20));
        }
        List<Call> calls = load.stop();
        System.out.println(LoadGenerator.summary("sessions killed " + KILL_ROUNDS + " times", calls));

        assertAllAnswered(calls);
        assertNoServerErrors(calls);
        assertAllSucceeded(calls);
        assertThat(app.retries("connection_lost")).as("units of work run again after losing their session")
                .isPositive();
        assertNothingAcknowledgedWasLost(app, load, calls);
    }

    @Test
    void aWriteWhoseSessionIsKilledDuringCommitIsRunAgainAndStoredExactlyOnce() throws Exception {
        RunningConduit app = startConduit(LIMITS);
        HeldComment held = aCommentHeldAtCommit(app, "held at commit, then killed");
        Connection gate = held.gate();
        Future<Call> comment = held.reply();
        int first = awaitCommitHeld(app, -1).pid();
        assertThat(postgres.terminateBackend(first)).isTrue();
        // Killed before its commit went through, the transaction is rolled back: the app must run it again,
        // and the new attempt stops at the same gate.
        awaitCommitHeldOrAnswered(app, first, comment);
        release(gate);
        Call call = comment.get(10, TimeUnit.SECONDS);

        assertThat(call.status()).as("%s", call).isEqualTo(201);
        assertThat(storedCommentIds(gate, "held at commit, then killed")).containsExactly(call.acknowledged());
        app.assertPoolReturnsToNoActiveConnections(Duration.ofSeconds(1));
    }

    @Test
    void aWriteWhoseConnectionDiesAfterTheDatabaseCommittedIsAcknowledgedAndStoredExactlyOnce() throws Exception {
        TcpProxy proxy = closeAfterwards(TcpProxy.to(postgres.port()));
        RunningConduit app = startConduitThrough(proxy.port(), LIMITS);
        HeldComment held = aCommentHeldAtCommit(app, "committed, then cut off");
        Connection gate = held.gate();
        Future<Call> comment = held.reply();
        awaitCommitHeld(app, -1);
        // The network goes silent, then the commit is let through: the database commits and answers into the
        // frozen network. Only once the row is there are the connections cut, so the app never hears the answer.
        proxy.freeze();
        release(gate);
        awaitStoredComment(gate, "committed, then cut off");
        proxy.closeConnections();
        proxy.unfreeze();
        Call call = comment.get(10, TimeUnit.SECONDS);

        assertThat(call.status()).as("%s", call).isEqualTo(201);
        assertThat(storedCommentIds(gate, "committed, then cut off")).containsExactly(call.acknowledged());
        app.assertPoolReturnsToNoActiveConnections(Duration.ofSeconds(1));
    }

    /** Jake's comment on his article, and the gate that holds it at commit until the test releases it. */
    private record HeldComment(Connection gate, Future<Call> reply) {
    }

    /**
     * Registers jake with an article, holds comments at commit, and sends jake's comment {@code text} on a thread
     * of its own: it stops at the gate.
     */
    private HeldComment aCommentHeldAtCommit(RunningConduit app, String text) throws SQLException {
        ConduitClient client = app.client();
        String token = ConduitClient.tokenOf(client.register("jake"));
        String slug = client.createArticle(token, "Fragile").acknowledged();
        Connection gate = holdCommentsAtCommit();
        var threads = closeAfterwards(new RequestThreads(1)).executor();
        return new HeldComment(gate, threads.submit(() -> client.comment(token, slug, text)));
    }

    /**
     * Makes the COMMIT of any transaction that inserted a comment whose body starts with "held at commit" or
     * "committed" wait for an advisory lock that the returned connection holds: a deferred constraint trigger
     * runs at COMMIT and asks for the lock. Returns the connection, which releases the lock in {@link #release}.
     */
    private Connection holdCommentsAtCommit() throws SQLException {
        Connection gate = admin();
        try (var statement = gate.createStatement()) {
            statement.execute("CREATE FUNCTION hold_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN PERFORM pg_advisory_xact_lock(" + HOLD_KEY + "); RETURN NULL; END $$");
            statement.execute("CREATE CONSTRAINT TRIGGER comments_held_at_commit AFTER INSERT ON comments"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
                    + " WHEN (NEW.body LIKE 'held at commit%' OR NEW.body LIKE 'committed%')"
                    + " EXECUTE FUNCTION hold_at_commit()");
            statement.execute("SELECT pg_advisory_lock(" + HOLD_KEY + ")");
        }
        return gate;
    }

    private static void release(Connection gate) throws SQLException {
        try (var statement = gate.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + HOLD_KEY + ")");
        }
    }

    /** Waits for a session other than {@code otherThan} to be stopped at COMMIT by the gate. */
    private Backend awaitCommitHeld(RunningConduit app, int otherThan) {
        return awaitBackends(app, sessions -> sessions.stream().anyMatch(s -> heldAtCommit(s, otherThan)),
                Duration.ofSeconds(10), "a session held at COMMIT")
                .stream().filter(s -> heldAtCommit(s, otherThan)).findFirst().orElseThrow();
    }

    /**
     * Waits for a new attempt to be held at COMMIT, or for the request to have been answered already (the app
     * gave up instead of trying again: the status assertion then says so).
     */
    private void awaitCommitHeldOrAnswered(RunningConduit app, int killed, Future<Call> request) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!request.isDone()) {
            if (postgres.backends(app.applicationName()).stream().anyMatch(s -> heldAtCommit(s, killed))) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the killed write was neither run again nor answered within 10 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static boolean heldAtCommit(Backend session, int otherThan) {
        return session.pid() != otherThan && session.waitsForALock() && "advisory".equals(session.waitEvent())
                && "COMMIT".equalsIgnoreCase(session.query().strip());
    }

    private static void awaitStoredComment(Connection connection, String body) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (storedCommentIds(connection, body).isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the comment was not committed within 10 s of the gate opening");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static List<String> storedCommentIds(Connection connection, String body) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT id::text FROM comments WHERE body = ?")) {
            statement.setString(1, body);
            try (var result = statement.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (result.next()) {
                    ids.add(result.getString(1));
                }
                return ids;
            }
        }
    }
}
