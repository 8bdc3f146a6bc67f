package io.conduithex.domain.port.persistence;

import java.time.Instant;
import java.util.List;
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
