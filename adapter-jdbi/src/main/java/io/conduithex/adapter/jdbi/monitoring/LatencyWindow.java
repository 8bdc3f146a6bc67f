package io.conduithex.adapter.jdbi.monitoring;

import io.conduithex.domain.port.persistence.DatabaseTimings.Distribution;
import io.conduithex.domain.port.persistence.DatabaseTimings.Latency;
import java.util.Arrays;

/**
 * Durations of the most recent events in a fixed ring, for percentiles that follow what happens now rather
 * than since start; plus the count since start. Thread-safe: recording is a short critical section over an
 * array write, and a summary copies the ring before sorting it.
 */
final class LatencyWindow {
    private final long[] nanos;
    private long count;

    LatencyWindow(int capacity) {
        this.nanos = new long[capacity];
    }

    synchronized void record(long durationNanos) {
        nanos[(int) (count % nanos.length)] = durationNanos;
        count++;
    }

    Latency summary() {
        long[] kept;
        long total;
        synchronized (this) {
            total = count;
            kept = Arrays.copyOf(nanos, (int) Math.min(count, nanos.length));
        }
        if (kept.length == 0) {
            return Latency.NONE;
        }
        Arrays.sort(kept);
        return new Latency(total, millis(kept, 0.50), millis(kept, 0.95), millis(kept, 0.99));
    }

    /** Percentiles and the maximum of the durations the ring holds, described as taken over {@code window}. */
    Distribution distribution(String window) {
        long[] kept;
        synchronized (this) {
            kept = Arrays.copyOf(nanos, (int) Math.min(count, nanos.length));
        }
        if (kept.length == 0) {
            return Distribution.none(window);
        }
        Arrays.sort(kept);
        return new Distribution(window, kept.length, millis(kept, 0.50), millis(kept, 0.95), millis(kept, 0.99),
                millis(kept, 1.0));
    }

    /** Nearest-rank percentile, in milliseconds with microsecond precision. */
    private static double millis(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        long value = sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        return Math.round(value / 1_000.0) / 1_000.0;
    }
}
