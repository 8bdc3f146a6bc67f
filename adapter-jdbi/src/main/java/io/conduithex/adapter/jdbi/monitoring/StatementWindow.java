package io.conduithex.adapter.jdbi.monitoring;

import io.conduithex.domain.port.persistence.DatabaseTimings.StatementTotal;
import io.conduithex.domain.port.persistence.DatabaseTimings.StatementTotals;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most recent statements in a fixed ring, their text as prepared and their duration, grouped by normalized
 * text when read. Recording stores two references and does no string work, so it costs a statement next to
 * nothing; the grouping and normalizing happen on the operator's read. Thread-safe.
 */
final class StatementWindow {
    private final String[] texts;
    private final long[] nanos;
    private long count;

    StatementWindow(int capacity) {
        this.texts = new String[capacity];
        this.nanos = new long[capacity];
    }

    synchronized void record(long durationNanos, String sql) {
        int slot = (int) (count % texts.length);
        texts[slot] = sql;
        nanos[slot] = durationNanos;
        count++;
    }

    StatementTotals totals(int top) {
        String[] keptTexts;
        long[] keptNanos;
        synchronized (this) {
            int kept = (int) Math.min(count, texts.length);
            keptTexts = Arrays.copyOf(texts, kept);
            keptNanos = Arrays.copyOf(nanos, kept);
        }
        // JDBI hands the same parsed String for the same statement: group by identity first, normalize each once.
        Map<String, String> normalizedByText = new IdentityHashMap<>();
        Map<String, Total> totals = new HashMap<>();
        for (int i = 0; i < keptTexts.length; i++) {
            String sql = normalizedByText.computeIfAbsent(keptTexts[i], SqlText::normalized);
            totals.computeIfAbsent(sql, Total::new).add(keptNanos[i]);
        }
        List<StatementTotal> most = totals.values().stream()
                .sorted(Comparator.comparingLong((Total total) -> total.nanos).reversed())
                .limit(Math.max(0, top))
                .map(Total::asStatementTotal)
                .toList();
        return new StatementTotals("last " + texts.length + " statements", keptTexts.length, most);
    }

    private static final class Total {
        final String sql;
        long count;
        long nanos;
        long max;

        Total(String sql) {
            this.sql = sql;
        }

        void add(long duration) {
            count++;
            nanos += duration;
            max = Math.max(max, duration);
        }

        StatementTotal asStatementTotal() {
            return new StatementTotal(sql, count, millis(nanos), millis(nanos / count), millis(max));
        }

        private static double millis(long value) {
            return Math.round(value / 1_000.0) / 1_000.0;
        }
    }
}
