package io.conduithex.bootstrap.reliability;

import static io.conduithex.bootstrap.reliability.CallAssertions.MEASURING_SLACK;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertTimedOut;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.reliability.FaultServer.Held;
import io.conduithex.bootstrap.reliability.FaultServer.Session;
import io.conduithex.bootstrap.reliability.RunningConduit.Limits;
import io.conduithex.testsupport.kit.StoredRows;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statement timeout: a statement that runs past DB_STATEMENT_TIMEOUT_MS (here: blocked on a table the test
 * locked) is cancelled by the database (PostgreSQL's {@code statement_timeout}, SQLSTATE 57014; MariaDB's
 * {@code max_statement_time}, error 1969), the client is told 503 with Retry-After, nothing of the request is
 * stored, and the very connection it ran on is idle and serves the next request.
 */
abstract class StatementTimeout extends FaultTest {

    /**
     * One connection, so the request after the timeout runs on the connection that timed out. The pool timeout
     * is longer than the statement timeout, so that only the statement timeout can end the wait.
     */
    private static final Limits LIMITS = new Limits(1, Duration.ofMillis(3000), Duration.ofMillis(1000));

    StatementTimeout(FaultServer.Launcher launcher) {
        super(launcher);
    }

    private RunningConduit app;
    private ConduitClient client;
    private String token;
    private String slug;

    @BeforeEach
    void anArticleByJake() {
        app = startConduit(LIMITS);
        client = app.client();
        token = ConduitClient.tokenOf(client.register("jake"));
        slug = client.createArticle(token, "Patience").acknowledged();
        assertThat(slug).isNotNull();
    }

    @Test
    void aReadBlockedPastTheStatementTimeoutIsCancelledAnswered503AndItsConnectionServesTheNextRequest()
            throws SQLException {
        long connection = theOnlySession().id();

        Held lock = lockArticles();
        Call call = client.article(slug);

        assertTimedOut(call);
        assertThat(call.duration()).as("ran until the statement timeout, then was cancelled")
                .isGreaterThanOrEqualTo(LIMITS.statementTimeout())
                .isLessThanOrEqualTo(LIMITS.statementTimeout().plus(MEASURING_SLACK));
        // The lock is still held: a session that no longer waits for it was cancelled, and is not left inside
        // an aborted transaction either.
        assertThat(theOnlySession()).satisfies(session -> {
            assertThat(session.id()).isEqualTo(connection);
            assertThat(session.idle()).isTrue();
            assertThat(session.waitsForALock()).isFalse();
        });

        lock.release();
        Call next = client.article(slug);
        assertThat(next.status()).as("%s", next).isEqualTo(200);
        assertThat(theOnlySession().id()).as("served by the connection that timed out").isEqualTo(connection);
        app.assertPoolReturnsToNoActiveConnections(Duration.ofSeconds(1));
    }

    @Test
    void aWriteCancelledByTheStatementTimeoutIsAnswered503AndStoresNothing() throws SQLException {
        Held lock = lockArticles();
        Call call = client.createArticle(token, "Too slow");

        assertTimedOut(call);
        assertThat(call.duration()).isGreaterThanOrEqualTo(LIMITS.statementTimeout())
                .isLessThanOrEqualTo(LIMITS.statementTimeout().plus(MEASURING_SLACK));

        lock.release();
        assertThat(StoredRows.on(admin()).count("SELECT count(*) FROM articles WHERE title = 'Too slow'"))
                .as("articles stored by the cancelled request").isZero();
        Call again = client.createArticle(token, "Too slow");
        assertThat(again.status()).as("%s", again).isEqualTo(201);
        assertThat(again.acknowledged()).as("the slug the cancelled request would have taken is free")
                .isEqualTo("too-slow");
        app.assertPoolReturnsToNoActiveConnections(Duration.ofSeconds(1));
    }

    /** Holds the articles table on a session of the test's own, until the test releases it. */
    private Held lockArticles() throws SQLException {
        return server.lockTable(admin(), "articles");
    }

    private Session theOnlySession() {
        List<Session> sessions = sessionsOf(app);
        assertThat(sessions).as("the application's sessions with a pool of one").hasSize(1);
        return sessions.get(0);
    }
}
