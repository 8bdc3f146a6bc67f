package io.conduithex.domain.port.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How long database work has been taking: transactions (units of work), single statements, and the statements
 * slower than the configured threshold. Thread-safe; figures are read without blocking the work they measure.
 */
public interface DatabaseTimings {

    /** Transactions by duration, over a window of the most recent ones. */
    Latency unitsOfWork();

    /** Statements by duration, over a window of the most recent ones. */
    Latency statements();

    SlowStatements slowStatements();

    /**
     * Waits for a connection from the pool (all of this instance's pools), over a window of the most recent
     * ones. An implementation that does not measure them reports {@link Distribution#none}.
     */
    default Distribution connectionWaits() {
        return Distribution.none("not measured");
    }

    /**
     * The statements run most recently, grouped by their normalized text (placeholders, literals masked), the
     * {@code top} with the most total time first. An implementation that does not keep them reports none.
     */
    default StatementTotals statementTotals(int top) {
        return new StatementTotals("not measured", 0, List.of());
    }

    /**
     * Database transactions (single attempts) since start by how they ended: {@code commit}, {@code rollback},
     * {@code commit_lost}. Empty when not counted.
     */
    default Map<String, Long> transactionsSinceStart() {
        return Map.of();
    }

    /**
     * Durations over a stated window.
     *
     * @param window what the figures were taken over, for a reader ("last 2048 connection acquisitions")
     * @param count  how many durations the window holds
     */
    record Distribution(String window, long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
        public Distribution {
            Objects.requireNonNull(window, "window");
        }

        public static Distribution none(String window) {
            return new Distribution(window, 0, 0, 0, 0, 0);
        }
    }

    /**
     * @param window     what the figures were taken over
     * @param statements how many statements the window holds
     * @param top        the statements with the most total time in the window, most first
     */
    record StatementTotals(String window, long statements, List<StatementTotal> top) {
        public StatementTotals {
            Objects.requireNonNull(window, "window");
            top = List.copyOf(top);
        }
    }

    /**
     * @param sql     normalized text: placeholders and masked literals, never a bound value
     * @param count   runs in the window
     * @param totalMs their total duration
     */
    record StatementTotal(String sql, long count, double totalMs, double meanMs, double maxMs) {
        public StatementTotal {
            Objects.requireNonNull(sql, "sql");
        }
    }

    /**
     * @param count how many were measured since start
     * @param p50Ms median duration of the recent ones, in milliseconds
     * @param p95Ms 95th percentile of the recent ones
     * @param p99Ms 99th percentile of the recent ones
     */
    record Latency(long count, double p50Ms, double p95Ms, double p99Ms) {
        public static final Latency NONE = new Latency(0, 0, 0, 0);
    }

    /**
     * @param thresholdMs a statement running longer is slow
     * @param total       slow statements since start
     * @param recent      the most recent slow statements, newest first (bounded)
     */
    record SlowStatements(long thresholdMs, long total, List<SlowStatement> recent) {
        public SlowStatements {
            recent = List.copyOf(recent);
        }
    }

    /**
     * @param at         when the statement finished
     * @param durationMs how long it ran
     * @param sql        its text with placeholders, never the bound values
     */
    record SlowStatement(Instant at, double durationMs, String sql) {
        public SlowStatement {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(sql, "sql");
        }
    }
}
