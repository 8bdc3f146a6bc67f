package io.conduithex.application.operations;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Retries and given-up units of work by cause, over the last hour and since start, and the newest events.
 * The last hour is counted from the events still kept (see {@link RetryEvents#CAPACITY}).
 */
public record RetryStatistics(Map<String, Long> retriesLastHour, Map<String, Long> retriesSinceStart,
                              Map<String, Long> exhaustedLastHour, Map<String, Long> exhaustedSinceStart,
                              List<RetryEvent> recent) {
    public static final String DEADLOCK = "deadlock";

    public RetryStatistics {
        retriesLastHour = sorted(retriesLastHour);
        retriesSinceStart = sorted(retriesSinceStart);
        exhaustedLastHour = sorted(exhaustedLastHour);
        exhaustedSinceStart = sorted(exhaustedSinceStart);
        recent = List.copyOf(recent);
    }

    /** Deadlocks over the last hour, whether the unit of work was then retried or given up. */
    public long deadlocksLastHour() {
        return retriesLastHour.getOrDefault(DEADLOCK, 0L) + exhaustedLastHour.getOrDefault(DEADLOCK, 0L);
    }

    public long deadlocksSinceStart() {
        return retriesSinceStart.getOrDefault(DEADLOCK, 0L) + exhaustedSinceStart.getOrDefault(DEADLOCK, 0L);
    }

    public long exhaustedLastHourTotal() {
        return exhaustedLastHour.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }
}
