package io.conduithex.bootstrap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Logical writes sent with idempotency keys by clients that retry each one, with the same key, until they get a
 * definite answer, while the test breaks things underneath; then the proof that each write exists exactly once,
 * with exactly one audit event. A definite answer is a 201; 503 (unavailable, outcome unknown) and 409 (the key
 * still held by an attempt) and no answer at all are retried; anything else fails the test.
 */
final class KeyedWritesUnderChaos {
    static final int WRITES = 240;
    private static final int CLIENTS = 8;
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Duration PAUSE = Duration.ofMillis(50);

    private final ConduitClient client;
    private final String token;
    private final String slug;
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();

    KeyedWritesUnderChaos(ConduitClient client, String token, String slug) {
        this.client = client;
        this.token = token;
        this.slug = slug;
    }

    /** What the writes met on their way: each status (or "no answer") and how often. */
    record Outcome(int writes, int attempts, Map<String, Integer> answers) {
        @Override
        public String toString() {
            return writes + " keyed writes in " + attempts + " attempts; answers " + answers;
        }
    }

    /** Sends every write until each got a 201; returns how often each kind of answer came on the way. */
    Outcome sendAll() throws Exception {
        Map<String, Integer> answers = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                sent.add(threads.submit(() -> {
                    for (int n = first; n < WRITES; n += CLIENTS) {
                        sendUntilDefinite(n, deadline, answers);
                    }
                    return null;
                }));
            }
            for (Future<?> each : sent) {
                each.get(DEADLINE.toSeconds() + 10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        return new Outcome(WRITES, attempts.get(), Map.copyOf(answers));
    }

    private void sendUntilDefinite(int n, long deadline, Map<String, Integer> answers) {
        while (true) {
            attempts.incrementAndGet();
            Call call = client.keyedComment(token, slug, text(n), "chaos-" + n);
            answers.merge(call.answered() ? Integer.toString(call.status()) : "no answer", 1, Integer::sum);
            if (call.status() == 201) {
                acknowledged.incrementAndGet();
                return;
            }
            if (call.answered() && call.status() != 503 && call.status() != 409) {
                throw new AssertionError("write " + n + " got an answer that is neither a success nor worth a"
                        + " retry: " + call);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("write " + n + " got no definite answer within " + DEADLINE.toSeconds()
                        + " s; last: " + call);
            }
            LockSupport.parkNanos(PAUSE.toNanos());
        }
    }

    /** How many writes got their 201 so far: the progress a fault may be timed by. */
    int acknowledged() {
        return acknowledged.get();
    }

    static String text(int n) {
        return "chaos comment " + n;
    }

    /**
     * Each write is stored once, its audit event exists once, and its key is done: read with {@code database}, a
     * connection of the test's own.
     */
    void assertEachWriteStoredOnceWithOneAuditEvent(Connection database) throws SQLException {
        Map<String, Long> commentsByText = new HashMap<>();
        Map<Long, String> textById = new HashMap<>();
        try (var statement = database.prepareStatement("SELECT id, body FROM comments WHERE body LIKE ?")) {
            statement.setString(1, "chaos comment %");
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    commentsByText.merge(rows.getString("body"), 1L, Long::sum);
                    textById.put(rows.getLong("id"), rows.getString("body"));
                }
            }
        }
        for (int n = 0; n < WRITES; n++) {
            assertThat(commentsByText.getOrDefault(text(n), 0L)).as("comments stored for write %d", n).isEqualTo(1);
        }
        Map<String, Long> eventsByEntity = new HashMap<>();
        try (var statement = database.prepareStatement(
                "SELECT entity_id FROM audit_events WHERE action = 'comment.added'");
             var rows = statement.executeQuery()) {
            while (rows.next()) {
                eventsByEntity.merge(rows.getString(1), 1L, Long::sum);
            }
        }
        for (Long id : textById.keySet()) {
            assertThat(eventsByEntity.getOrDefault(Long.toString(id), 0L))
                    .as("audit events of comment %d (%s)", id, textById.get(id)).isEqualTo(1);
        }
        assertThat(eventsByEntity).as("audit events of comments that do not exist").hasSize(textById.size());
        try (var statement = database.prepareStatement(
                "SELECT count(*) FROM idempotency_keys WHERE idempotency_key LIKE 'chaos-%' AND state = 'done'");
             var rows = statement.executeQuery()) {
            rows.next();
            assertThat(rows.getInt(1)).as("keys done").isEqualTo(WRITES);
        }
    }
}
