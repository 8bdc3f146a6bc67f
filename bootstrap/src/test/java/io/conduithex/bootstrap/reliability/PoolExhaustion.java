package io.conduithex.bootstrap.reliability;

import static io.conduithex.bootstrap.reliability.CallAssertions.MEASURING_SLACK;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertNoServerErrors;
import static io.conduithex.bootstrap.reliability.CallAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.bootstrap.reliability.RunningConduit.Limits;
import io.conduithex.testsupport.kit.StoredRows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Pool exhausted: with both connections of a pool of 2 held by statements stuck in the database, every other
 * request waits at most the pool timeout for a connection and is then told 503 with Retry-After; once the
 * statements finish, the pool serves again and every connection has come back.
 */
abstract class PoolExhaustion extends FaultTest {

    /** The statement timeout is far above the test's length, so that only the pool timeout can end a wait. */
    private static final Limits LIMITS = new Limits(2, Duration.ofMillis(1000), Duration.ofSeconds(30));

    PoolExhaustion(FaultServer.Launcher launcher) {
        super(launcher);
    }

    @Test
    void requestsBeyondAPoolHeldBySlowStatementsWaitAtMostThePoolTimeoutThen503AndThePoolRecovers() throws Exception {
        RunningConduit app = startConduit(LIMITS);
        ConduitClient client = app.client();
        String token = ConduitClient.tokenOf(client.register("jake"));
        String slug = client.createArticle(token, "Held up").acknowledged();
        assertThat(slug).isNotNull();
        ExecutorService threads = closeAfterwards(new RequestThreads(8)).executor();
        List<Call> calls = new ArrayList<>();

        // A transaction of the test's own holds the articles table, so reading an article blocks in the database.
        FaultServer.Held lock = server.lockTable(admin(), "articles");
        List<Future<Call>> held = List.of(threads.submit(() -> client.article(slug)),
                threads.submit(() -> client.article(slug)));
        awaitSessions(app, sessions -> sessions.stream().filter(FaultServer.Session::waitsForALock).count() == 2,
                Duration.ofSeconds(10), "both pooled connections blocked on the locked table");
        assertThat(app.poolStatus().active()).as("connections lent out").isEqualTo(2);

        List<Callable<Call>> others = List.of(client::tags, client::listArticles, () -> client.profile("jake"),
                () -> client.register("latecomer"));
        List<Future<Call>> starved = new ArrayList<>();
        for (Callable<Call> other : others) {
            starved.add(threads.submit(other));
        }
        for (Future<Call> future : starved) {
            Call call = future.get(ConduitClient.REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            calls.add(call);
            assertUnavailable(call);
            assertThat(call.duration()).as("%s waits at most the pool timeout", call)
                    .isLessThanOrEqualTo(LIMITS.poolTimeout().plus(MEASURING_SLACK));
        }
        assertThat(held).as("the requests holding the pool are still blocked").noneMatch(Future::isDone);

        lock.release();
        for (Future<Call> future : held) {
            Call call = future.get(10, TimeUnit.SECONDS);
            calls.add(call);
            assertThat(call.status()).as("%s", call).isEqualTo(200);
        }

        // Recovered: more requests at once than the pool holds all succeed, then one after another.
        List<Future<Call>> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(threads.submit(() -> client.article(slug)));
        }
        for (Future<Call> future : burst) {
            calls.add(future.get(10, TimeUnit.SECONDS));
        }
        for (int i = 0; i < 4; i++) {
            calls.add(client.listArticles());
        }
        calls.add(client.register("second-latecomer"));
        assertThat(calls.subList(calls.size() - 11, calls.size())).allSatisfy(call ->
                assertThat(call.succeeded()).as("%s", call).isTrue());
        assertNoServerErrors(calls);
        app.assertPoolReturnsToNoActiveConnections(Duration.ofSeconds(1));
        assertThat(StoredRows.on(admin()).count("SELECT count(*) FROM users WHERE username = 'latecomer'"))
                .as("a registration answered 503 stored nothing").isZero();
    }
}
