package io.conduithex.adapter.jdbi.monitoring;

import io.conduithex.domain.port.persistence.DatabaseTimings.SlowStatement;
import io.conduithex.domain.port.persistence.DatabaseTimings.SlowStatements;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The most recent slow statements in a bounded queue (the oldest fall out), and how many since start. Thread-safe. */
final class SlowStatementLog {
    private final long thresholdMs;
    private final int capacity;
    private final Deque<SlowStatement> recent = new ArrayDeque<>();
    private long total;

    SlowStatementLog(long thresholdMs, int capacity) {
        this.thresholdMs = thresholdMs;
        this.capacity = capacity;
    }

    synchronized void add(SlowStatement statement) {
        if (recent.size() == capacity) {
            recent.removeLast();
        }
        recent.addFirst(statement);
        total++;
    }

    synchronized SlowStatements snapshot() {
        List<SlowStatement> newestFirst = new ArrayList<>(recent);
        return new SlowStatements(thresholdMs, total, newestFirst);
    }
}
