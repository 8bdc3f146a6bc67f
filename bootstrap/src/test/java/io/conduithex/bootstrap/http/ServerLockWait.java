package io.conduithex.bootstrap.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conduithex.bootstrap.http.ConduitApi.Account;
import io.conduithex.testsupport.kit.StoredRows;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The admin API's lock-wait scenario on a database server, told by {@link AdminOnPostgresTest} and
 * {@link AdminOnMariaDbTest}: a session of the test's own locks jake's row, so the application's update of jake
 * waits on it. While it waits, diagnostics must show the lock wait with its blocker and the blocker's open
 * transaction; once the wait has outlasted the slow-statement threshold (500 ms by default), the update must be
 * reported as slow, with its SQL text and without the values it carried. What differs per server is how a session
 * names itself, how a test sees that a lock is waited for, and where diagnostics list open transactions.
 *
 * @param backendIdQuery     the blocker's own session id, as diagnostics report it
 * @param lockWaitsQuery     how many lock requests are waiting
 * @param transactionsSection the diagnostics section that lists sessions with an open transaction
 * @param sessionIdField     the field of that section's entries that holds the session id
 * @param poll               how often to look for the lock wait
 */
record ServerLockWait(String backendIdQuery, String lockWaitsQuery, String transactionsSection,
                      String sessionIdField, Duration poll) {

    static final ServerLockWait POSTGRESQL = new ServerLockWait("SELECT pg_backend_pid()",
            "SELECT count(*) FROM pg_locks WHERE NOT granted", "/idleInTransaction", "/pid", Duration.ofMillis(10));
    // InnoDB refreshes its lock tables only when nobody read them for 100 ms, so this polls slower than that.
    static final ServerLockWait MARIADB = new ServerLockWait("SELECT CONNECTION_ID()",
            "SELECT count(*) FROM information_schema.INNODB_LOCK_WAITS", "/openTransactions", "/id",
            Duration.ofMillis(200));

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Longer than the default DB_SLOW_QUERY_MS of 500 ms, so the blocked statement is certainly slow. */
    private static final Duration HOLD = Duration.ofMillis(700);
    private static final String SECRET_BIO = "bio-text-that-must-never-reach-a-log";

    /** Runs the scenario; {@code slowLogLines} reads what the slow-statement log wrote. */
    void showsInDiagnosticsAndThenAsASlowStatement(ConduitApi api, AdminCalls admin, Callable<Connection> connect,
                                                   java.util.function.Supplier<List<String>> slowLogLines)
            throws Exception {
        Account jake = api.registered("jake");
        try (Connection blocker = connect.call()) {
            blocker.setAutoCommit(false);
            var blockerRows = StoredRows.on(blocker);
            long blockerId = blockerRows.count(backendIdQuery);
            assertThat(blockerRows.count("SELECT id FROM users WHERE username = 'jake' FOR UPDATE")).isPositive();
            long sentAt = System.nanoTime();
            var update = CompletableFuture.supplyAsync(() ->
                    api.updateUser(jake.token(), ConduitApi.json(Map.of("bio", SECRET_BIO))));
            awaitUntil(() -> blockerRows.count(lockWaitsQuery) > 0);

            var diagnostics = admin.call(AdminCalls.DIAGNOSTICS).json();

            assertThat(diagnostics.at("/lockWaits")).anySatisfy(wait -> {
                assertThat(wait.at("/blockedBy").asText()).isEqualTo(Long.toString(blockerId));
                assertThat(wait.at("/query").asText()).containsIgnoringCase("update users");
                assertThat(wait.at("/waitingMs").isNumber()).isTrue();
            });
            assertThat(diagnostics.at(transactionsSection)).anySatisfy(session ->
                    assertThat(session.at(sessionIdField).asLong()).isEqualTo(blockerId));
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
        List<String> lines = slowLogLines.get();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Slow statement: ")
                .containsIgnoringCase("update users").contains("(limit 500 ms)"));
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(SECRET_BIO));
        var health = admin.call(AdminCalls.HEALTH).json();
        assertThat(names(health.at("/recommendations"), "/code")).contains("slow_statements");
    }

    /** The text at {@code pointer} in each element of {@code array}. */
    static List<String> names(JsonNode array, String pointer) {
        List<String> names = new ArrayList<>();
        array.forEach(element -> names.add(element.at(pointer).asText()));
        return names;
    }

    private void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited %s for the lock wait", PATIENCE).isNegative();
            Thread.sleep(poll.toMillis());
        }
    }
}
