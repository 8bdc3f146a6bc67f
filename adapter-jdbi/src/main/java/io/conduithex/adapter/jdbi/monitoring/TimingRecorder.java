package io.conduithex.adapter.jdbi.monitoring;

import io.conduithex.domain.port.persistence.DatabaseTimings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what operators ask about timings: windows of recent transaction, statement and connection-wait durations
 * for percentiles, the recent statements with their text for the top by total time, transactions counted by how
 * they ended, and the statements slower than the threshold, each counted in {@value #SLOW_STATEMENTS}, logged
 * once as a warning with its duration and SQL text (placeholders, never bound values) and kept in a bounded list.
 *
 * <p>One per database, shared by its pools and its unit of work. Thread-safe; recording never throws.
 */
public final class TimingRecorder implements DatabaseTimings {
    public static final String SLOW_STATEMENTS = "conduit.db.slow_statements";
    /** Enough recent durations for a stable p99, few enough to sort on every read. */
    static final int WINDOW = 2048;
    static final int SLOW_STATEMENTS_KEPT = 100;
    /** Recent statements grouped by text for the top by total time: a few seconds of a busy instance. */
    static final int STATEMENTS_KEPT = 4096;
    /** Longer SQL is cut in the log and the list; the beginning names the statement. */
    static final int MAX_SQL_CHARS = 1000;

    private static final Logger log = LoggerFactory.getLogger(TimingRecorder.class);

    private final long thresholdNanos;
    private final Clock clock;
    private final Counter slowCounter;
    private final LatencyWindow transactions = new LatencyWindow(WINDOW);
    private final LatencyWindow statementWindow = new LatencyWindow(WINDOW);
    private final LatencyWindow connectionWaits = new LatencyWindow(WINDOW);
    private final StatementWindow recentStatements = new StatementWindow(STATEMENTS_KEPT);
    private final ConcurrentMap<String, LongAdder> transactionsByOutcome = new ConcurrentHashMap<>();
    private final SlowStatementLog slow;

    public TimingRecorder(Duration slowThreshold, MeterRegistry meters, Clock clock) {
        this.thresholdNanos = slowThreshold.toNanos();
        this.clock = clock;
        this.slow = new SlowStatementLog(slowThreshold.toMillis(), SLOW_STATEMENTS_KEPT);
        this.slowCounter = Counter.builder(SLOW_STATEMENTS)
                .description("SQL statements that ran longer than DB_SLOW_QUERY_MS")
                .register(meters);
    }

    public void recordTransaction(long nanos) {
        transactions.record(nanos);
    }

    /** Records one transaction (one attempt) and how it ended: {@code commit}, {@code rollback}, {@code commit_lost}. */
    public void recordTransaction(long nanos, String outcome) {
        recordTransaction(nanos);
        transactionsByOutcome.computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    /** Records how long a borrower waited for a pooled connection. */
    public void recordConnectionWait(long nanos) {
        connectionWaits.record(nanos);
    }

    /** Records one statement; {@code sql} is the statement text as prepared, with placeholders. */
    public void recordStatement(long nanos, String sql) {
        statementWindow.record(nanos);
        recentStatements.record(nanos, sql);
        if (nanos <= thresholdNanos) {
            return;
        }
        String text = normalized(sql);
        double millis = Math.round(nanos / 1_000.0) / 1_000.0;
        slowCounter.increment();
        slow.add(new SlowStatement(clock.instant(), millis, text));
        log.warn("Slow statement: {} ms (limit {} ms): {}", millis, thresholdNanos / 1_000_000, text);
    }

    @Override
    public Latency unitsOfWork() {
        return transactions.summary();
    }

    @Override
    public Latency statements() {
        return statementWindow.summary();
    }

    @Override
    public SlowStatements slowStatements() {
        return slow.snapshot();
    }

    @Override
    public Distribution connectionWaits() {
        return connectionWaits.distribution("last " + WINDOW + " connection acquisitions");
    }

    @Override
    public StatementTotals statementTotals(int top) {
        return recentStatements.totals(top);
    }

    @Override
    public Map<String, Long> transactionsSinceStart() {
        Map<String, Long> counts = new TreeMap<>();
        transactionsByOutcome.forEach((outcome, count) -> counts.put(outcome, count.sum()));
        return counts;
    }

    /** One line, bounded: a log line per statement, and the list, must stay readable. */
    static String normalized(String sql) {
        if (sql == null) {
            return "<unknown>";
        }
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_SQL_CHARS ? oneLine : oneLine.substring(0, MAX_SQL_CHARS) + "...";
    }
}
