package io.conduithex.bootstrap.http;

import static io.conduithex.bootstrap.http.ConduitApi.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.application.transaction.UnitOfWorkMeters;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.SqliteApplicationExtension;
import io.conduithex.testsupport.SqliteTestDatabase;
import io.conduithex.testsupport.kit.CapturedLogs;
import io.conduithex.testsupport.kit.LogRecorder;
import io.conduithex.testsupport.kit.StoredRows;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application on SQLite while a writer outside it holds the write lock: the application's write waits
 * out busy_timeout (kept short here, it equals the pool timeout), fails as busy, and the unit of work is
 * retried as configured. Subclasses choose how many retries the application may make.
 */
@ExtendWith(CapturedLogs.class)
abstract class SqliteBusyScenarios {
    /** busy_timeout, and so how long each attempt waits for the lock before it counts as busy. */
    static final Duration BUSY_TIMEOUT = Duration.ofMillis(300);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    /** The application's own meter registry: the test binds it in place of the production one, to read it. */
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @RegisterExtension
    final SqliteApplicationExtension app;

    ConduitApi api;
    Account jake;
    private LogRecorder retryLog;

    SqliteBusyScenarios(int maxRetries) {
        this(maxRetries, Map.of());
    }

    /** With more configuration {@code variables}, such as ADMIN_TOKEN. */
    SqliteBusyScenarios(int maxRetries, Map<String, String> variables) {
        var all = new java.util.HashMap<>(variables);
        all.put(AppConfig.DB_MAX_RETRIES, Integer.toString(maxRetries));
        var config = TestApplication.config(all);
        app = new SqliteApplicationExtension(
                TestApplication.launcher(config, binder -> binder.bind(MeterRegistry.class).toInstance(meters)),
                new SqliteTestDatabase.Options(4, BUSY_TIMEOUT, Duration.ofSeconds(10)));
    }

    @BeforeEach
    final void connectAndRegisterJake() {
        retryLog = LogRecorder.of(TransactionRunner.class);
        api = new ConduitApi(app.baseUri());
        jake = api.registered("jake");
    }

    @AfterEach
    final void noRequestFailedWithAServerError() {
        retryLog.close();
        api.assertNoServerErrors();
    }

    /**
     * Publishes an article while a foreign writer holds the lock, and has the foreign writer let go as soon as
     * the application has been turned away once and scheduled a retry (so the lock was certainly held past
     * busy_timeout), or when the reply came first, which is what happens with no retries at all.
     */
    Reply publishWhileTheLockIsHeldUntilTheFirstRetry(String title) throws Exception {
        try (var foreign = ForeignSqliteWriter.holdingTheWriteLockOf(app.databaseUrl())) {
            var reply = CompletableFuture.supplyAsync(() -> publish(title));
            awaitUntil(() -> busyRetries() >= 1 || reply.isDone());
            foreign.close();
            return reply.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Publishes an article while a foreign writer holds the lock until the reply has come. */
    Reply publishWhileTheLockIsHeldThroughout(String title) throws Exception {
        try (var foreign = ForeignSqliteWriter.holdingTheWriteLockOf(app.databaseUrl())) {
            return publish(title);
        }
    }

    Reply publish(String title) {
        return api.createArticle(jake.token(), article(title, "About " + title, "All about " + title));
    }

    /** Units of work the application ran again because the database was busy, whatever the use case. */
    double busyRetries() {
        return meters.find(UnitOfWorkMeters.RETRIES).tag("cause", "busy").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** The formatted messages the transaction runner logged in this test. */
    List<String> retryLogLines() {
        return retryLog.messages();
    }

    long storedArticlesTitled(String title) {
        return StoredRows.of(app.database()).count("SELECT count(*) FROM articles WHERE title = ?", title);
    }

    static void assertServiceUnavailable(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("1");
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.body()).isEqualTo(reply.errorBody("{\"database\":[\"is unavailable, try again later\"]}"));
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited %s for the application", PATIENCE).isNegative();
            Thread.sleep(5);
        }
    }
}
