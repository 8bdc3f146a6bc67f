package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conduithex.adapter.jdbi.monitoring.TimingRecorder;
import io.conduithex.bootstrap.config.AppConfig;
import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.bootstrap.http.ConduitApi.Reply;
import io.conduithex.bootstrap.testkit.TestApplication;
import io.conduithex.testsupport.MariaDbApplicationExtension;
import io.conduithex.testsupport.kit.CapturedLogs;
import io.conduithex.testsupport.kit.LogRecorder;
import io.conduithex.testsupport.kit.StoredRows;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The admin API on MariaDB, as {@link AdminOnPostgresTest} on PostgreSQL: diagnostics name the server, the
 * settings every pooled session carries, table sizes and migrations, and say that index usage is not reported. A
 * session of the test's own locks jake's row, so the application's update of jake waits on it: while it waits,
 * diagnostics must show InnoDB's lock wait with its blocker and the blocker's open transaction; once the wait has
 * outlasted the slow-statement threshold, the update must be reported as slow, without the values it carried.
 */
@ExtendWith(CapturedLogs.class)
class AdminOnMariaDbTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Longer than the default DB_SLOW_QUERY_MS of 500 ms, so the blocked statement is certainly slow. */
    private static final Duration HOLD = Duration.ofMillis(700);
    private static final String SECRET_BIO = "bio-text-that-must-never-reach-a-log";
    @RegisterExtension
    final MariaDbApplicationExtension app = new MariaDbApplicationExtension(TestApplication.launcher(
            TestApplication.config(Map.of(AppConfig.ADMIN_TOKEN, AdminCalls.TOKEN))));

    private LogRecorder slowLog;
    ConduitApi api;
    AdminCalls admin;

    @BeforeEach
    void connect() {
        slowLog = LogRecorder.of(TimingRecorder.class);
        api = new ConduitApi(app.baseUri());
        admin = new AdminCalls(api);
    }

    @AfterEach
    void noRequestFailedWithAServerError() {
        slowLog.close();
        api.assertNoServerErrors();
    }

    @Test
    void diagnosticsReportServerSettingsSizesAndMigrationsAndSayIndexUsageIsNotReported() {
        api.givenAnArticleBy(api.registered("jake"), "Sized");

        Reply reply = admin.call(AdminCalls.DIAGNOSTICS);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        var diagnostics = reply.json();
        assertThat(diagnostics.at("/dialect").asText()).isEqualTo("mariadb");
        assertThat(diagnostics.at("/server/version").asText()).startsWith("MariaDB ");
        assertThat(diagnostics.at("/connections/maxConnections").asLong()).isPositive();
        assertThat(diagnostics.at("/connections/poolBudget").asInt()).isEqualTo(4);
        assertThat(diagnostics.at("/connections/poolBudgetPercent").asDouble()).isPositive();
        assertThat(diagnostics.at("/connections/poolBudgetOk").isBoolean()).isTrue();
        assertThat(diagnostics.at("/timeouts/max_statement_time").asText()).isEqualTo("10.000000");
        assertThat(diagnostics.at("/timeouts/innodb_lock_wait_timeout").asText()).isEqualTo("5");
        assertThat(diagnostics.at("/timeouts/idle_transaction_timeout").asText()).isEqualTo("60");
        assertThat(diagnostics.at("/timeouts/tx_isolation").asText()).isEqualTo("READ-COMMITTED");
        assertThat(diagnostics.at("/longRunning").isArray()).isTrue();
        assertThat(diagnostics.at("/openTransactions").isArray()).isTrue();
        assertThat(diagnostics.at("/lockWaits").isEmpty()).isTrue();
        assertThat(names(diagnostics.at("/tableSizes"), "/table")).contains("users", "articles", "comments");
        diagnostics.at("/tableSizes").forEach(table ->
                assertThat(table.at("/totalBytes").asLong()).isGreaterThanOrEqualTo(table.at("/tableBytes").asLong()));
        assertThat(diagnostics.at("/indexUsage/reported").asBoolean(true)).isFalse();
        assertThat(diagnostics.at("/indexUsage/reason").asText()).contains("userstat");
        assertThat(diagnostics.at("/migrations/pending").asInt()).isZero();
        assertThat(diagnostics.at("/migrations/currentVersion").asText()).isNotBlank();
        String password = app.database().server().password();
        if (password != null && !password.isEmpty()) {
            assertThat(reply.body()).doesNotContain(password);
        }
    }

    @Test
    void aStatementWaitingOnALockShowsInDiagnosticsAndThenAsASlowStatement() throws Exception {
        Account jake = api.registered("jake");
        try (Connection blocker = app.database().connect()) {
            blocker.setAutoCommit(false);
            var blockerRows = StoredRows.on(blocker);
            long blockerPid = blockerRows.count("SELECT CONNECTION_ID()");
            assertThat(blockerRows.count("SELECT id FROM users WHERE username = 'jake' FOR UPDATE")).isPositive();
            long sentAt = System.nanoTime();
            var update = CompletableFuture.supplyAsync(() ->
                    api.updateUser(jake.token(), ConduitApi.json(Map.of("bio", SECRET_BIO))));
            // InnoDB refreshes its lock tables only when nobody read them for 100 ms: awaitUntil polls slower.
            awaitUntil(() -> blockerRows.count("SELECT count(*) FROM information_schema.INNODB_LOCK_WAITS") > 0);

            var diagnostics = admin.call(AdminCalls.DIAGNOSTICS).json();

            assertThat(diagnostics.at("/lockWaits")).anySatisfy(wait -> {
                assertThat(wait.at("/blockedBy").asText()).isEqualTo(Long.toString(blockerPid));
                assertThat(wait.at("/query").asText()).containsIgnoringCase("update users");
                assertThat(wait.at("/waitingMs").isNumber()).isTrue();
            });
            assertThat(diagnostics.at("/openTransactions")).anySatisfy(session ->
                    assertThat(session.at("/id").asLong()).isEqualTo(blockerPid));
            assertThat(diagnostics.toString()).doesNotContain(SECRET_BIO);

            // Necessary wait, not an assertion of timing: the blocked statement must outlast the threshold.
            long heldNanos = System.nanoTime() - sentAt;
            if (heldNanos < HOLD.toNanos()) {
                Thread.sleep((HOLD.toNanos() - heldNanos) / 1_000_000 + 1);
            }
            blocker.rollback();
            assertThat(update.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(200);
        }

        var slow = admin.call(AdminCalls.HEALTH).json().at("/performance/slowStatements");
        assertThat(slow.at("/thresholdMs").asLong()).isEqualTo(500);
        assertThat(slow.at("/total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(slow.at("/lastHour").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode newest = slow.at("/recent/0");
        assertThat(newest.at("/sql").asText()).startsWithIgnoringCase("update users").contains("?")
                .doesNotContain(SECRET_BIO);
        assertThat(newest.at("/durationMs").asDouble()).isGreaterThan(500);
        assertThat(newest.at("/at").asText()).matches(ConduitApi.TIMESTAMP);
        List<String> lines = logLines();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Slow statement: ")
                .containsIgnoringCase("update users").contains("(limit 500 ms)"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(SECRET_BIO));
        var health = admin.call(AdminCalls.HEALTH).json();
        assertThat(names(health.at("/recommendations"), "/code")).contains("slow_statements");
    }

    private static List<String> names(JsonNode array, String pointer) {
        List<String> names = new ArrayList<>();
        array.forEach(element -> names.add(element.at(pointer).asText()));
        return names;
    }

    private List<String> logLines() {
        return slowLog.messages();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited %s for the lock wait", PATIENCE).isNegative();
            Thread.sleep(200);
        }
    }
}
