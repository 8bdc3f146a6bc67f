package io.conduithex.bootstrap.reliability;

import static io.conduithex.bootstrap.reliability.CallAssertions.assertAllAnswered;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertAllSucceeded;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertAllSucceededButWritesOfUnknownOutcome;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertNoServerErrors;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertOutcomeUnknown;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.reliability.FaultServer.Held;
import io.conduithex.bootstrap.reliability.FaultServer.Session;
import io.conduithex.bootstrap.reliability.RunningConduit.Limits;
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
 * Connections killed: ending the application's database sessions (PostgreSQL's {@code pg_terminate_backend},
 * MariaDB's {@code KILL CONNECTION}) in the middle of its work is invisible to clients. Reads and writes that lost
 * their session before COMMIT are run again on a fresh connection. A write that lost it during COMMIT is never
 * run again blindly and never stored twice: PostgreSQL is asked what became of the transaction, so the write is
 * neither lost nor stored twice and the client sees a normal answer; MariaDB cannot be asked, so the client is
 * told 503 that the write may or may not have been stored. Nothing acknowledged is lost; there is never a 500.
 */
abstract class KilledConnections extends FaultTest {

    /**
     * A pool no larger than the retries: after every session is killed, a request that meets only dead
     * connections still has a fresh one for its last attempt.
     */
    private static final Limits LIMITS = new Limits(RunningConduit.MAX_RETRIES, Duration.ofMillis(2000),
            Duration.ofMillis(5000));
    private static final int KILL_ROUNDS = 5;

    KilledConnections(FaultServer.Launcher launcher) {
        super(launcher);
    }

    @Test
    void killingEverySessionOfTheApplicationRepeatedlyUnderLoadIsInvisibleToItsClients() throws Exception {
        RunningConduit app = startConduit(LIMITS);
        LoadGenerator load = steadyLoad(app, 4, Duration.ofMillis(20), 20);

        for (int round = 0; round < KILL_ROUNDS; round++) {
            long killed = System.nanoTime();
            assertThat(server.killSessions(app.applicationName())).as("sessions killed in round %d", round)
                    .isPositive();
            // The next round only once the load has gone on after this one.
            load.awaitSuccesses(50, killed, Duration.ofSeconds(20));
        }
        List<Call> calls = load.stop();
        System.out.println(LoadGenerator.summary("sessions killed " + KILL_ROUNDS + " times", calls));

        assertAllAnswered(calls);
        assertNoServerErrors(calls);
        if (server.tellsLostCommitOutcomes()) {
            assertAllSucceeded(calls);
        } else {
            // A kill that lands inside a COMMIT leaves the write's outcome unknown, and the client is told so.
            assertAllSucceededButWritesOfUnknownOutcome(calls);
        }
        assertThat(app.retries("connection_lost")).as("units of work run again after losing their session")
                .isPositive();
        assertNothingAcknowledgedWasLost(app, load, calls);
    }

    @Test
    void aWriteWhoseSessionIsKilledDuringCommitIsRunAgainOrReportedOfUnknownOutcomeAndNeverStoredTwice()
            throws Exception {
        RunningConduit app = startConduit(LIMITS);
        HeldComment held = aCommentHeldAtCommit(app, "held at commit, then killed");
        long first = awaitCommitHeld(app, -1).id();
        assertThat(server.killSession(first)).isTrue();
        // Killed before its commit went through, the transaction is rolled back. PostgreSQL says so when asked,
        // and the app runs it again: the new attempt stops at the same gate. MariaDB cannot be asked: the app
        // answers at once.
        awaitCommitHeldOrAnswered(app, first, held.reply());
        held.gate().release();
        Call call = held.reply().get(10, TimeUnit.SECONDS);

        List<String> stored = storedCommentIds("held at commit, then killed");
        if (server.tellsLostCommitOutcomes()) {
            assertThat(call.status()).as("%s", call).isEqualTo(201);
            assertThat(stored).containsExactly(call.acknowledged());
        } else {
            assertOutcomeUnknown(call);
            assertThat(stored).as("the killed transaction, which never committed").isEmpty();
        }
        app.assertPoolReturnsToNoActiveConnections(Duration.ofSeconds(1));
    }

    @Test
    void aWriteWhoseConnectionDiesAfterTheDatabaseCommittedIsStoredOnceAndAcknowledgedOrReportedOfUnknownOutcome()
            throws Exception {
        TcpProxy proxy = closeAfterwards(TcpProxy.to(server.port()));
        RunningConduit app = startConduitThrough(proxy.port(), LIMITS);
        HeldComment held = aCommentHeldAtCommit(app, "committed, then cut off");
        awaitCommitHeld(app, -1);
        // The network goes silent, then the commit is let through: the database commits and answers into the
        // frozen network. Only once the row is there are the connections cut, so the app never hears the answer.
        proxy.freeze();
        held.gate().release();
        awaitStoredComment("committed, then cut off");
        proxy.closeConnections();
        proxy.unfreeze();
        Call call = held.reply().get(10, TimeUnit.SECONDS);

        List<String> stored = storedCommentIds("committed, then cut off");
        if (server.tellsLostCommitOutcomes()) {
            assertThat(call.status()).as("%s", call).isEqualTo(201);
            assertThat(stored).containsExactly(call.acknowledged());
        } else {
            // Stored, and the client was not told otherwise: "may or may not" is the most MariaDB lets it say.
            assertOutcomeUnknown(call);
            assertThat(stored).as("the committed comment, stored once and not run again").hasSize(1);
        }
        app.assertPoolReturnsToNoActiveConnections(Duration.ofSeconds(1));
    }

    /** Jake's comment on his article, and the gate that holds it at commit until the test releases it. */
    private record HeldComment(Held gate, Future<Call> reply) {
    }

    /**
     * Registers jake with an article, holds commits, and sends jake's comment {@code text} on a thread of its own:
     * it stops at the gate.
     */
    private HeldComment aCommentHeldAtCommit(RunningConduit app, String text) throws SQLException {
        ConduitClient client = app.client();
        String token = ConduitClient.tokenOf(client.register("jake"));
        String slug = client.createArticle(token, "Fragile").acknowledged();
        Held gate = server.holdCommits(admin());
        var threads = closeAfterwards(new RequestThreads(1)).executor();
        return new HeldComment(gate, threads.submit(() -> client.comment(token, slug, text)));
    }

    /** Waits for a session other than {@code otherThan} to be stopped at COMMIT by the gate. */
    private Session awaitCommitHeld(RunningConduit app, long otherThan) {
        return awaitSessions(app, sessions -> sessions.stream().anyMatch(s -> heldAtCommit(s, otherThan)),
                Duration.ofSeconds(10), "a session held at COMMIT")
                .stream().filter(s -> heldAtCommit(s, otherThan)).findFirst().orElseThrow();
    }

    /**
     * Waits for a new attempt to be held at COMMIT, or for the request to have been answered already (the app
     * did not try again: the assertions then judge whether it should have).
     */
    private void awaitCommitHeldOrAnswered(RunningConduit app, long killed, Future<Call> request) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!request.isDone()) {
            if (sessionsOf(app).stream().anyMatch(s -> heldAtCommit(s, killed))) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the killed write was neither run again nor answered within 10 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static boolean heldAtCommit(Session session, long otherThan) {
        return session.id() != otherThan && session.heldAtCommit();
    }

    private void awaitStoredComment(String body) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (storedCommentIds(body).isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the comment was not committed within 10 s of the gate opening");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private List<String> storedCommentIds(String body) throws SQLException {
        try (Connection connection = server.connect(database);
             var statement = connection.prepareStatement("SELECT id FROM comments WHERE body = ?")) {
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
