package io.conduithex.application.operations;

import io.conduithex.domain.failure.TransientPersistenceException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recent history of retries and given-up units of work, for operators: kept in a bounded ring (the oldest
 * events fall out first) beside counters since start that never lose anything.
 *
 * <p>Thread-safe. Recording is a short critical section and never throws, so the retry it describes is never
 * delayed or failed by it.
 */
@Singleton
public final class RetryEvents {
    /** Enough for an hour of heavy contention at a few events a second; older ones are only counted. */
    public static final int CAPACITY = 10_000;
    private static final Duration HOUR = Duration.ofHours(1);

    private final Clock clock;
    private final int capacity;
    private final Deque<RetryEvent> recent = new ArrayDeque<>();
    private final Map<String, Long> retriesSinceStart = new TreeMap<>();
    private final Map<String, Long> exhaustedSinceStart = new TreeMap<>();

    @Inject
    public RetryEvents(Clock clock) {
        this(clock, CAPACITY);
    }

    public RetryEvents(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    /** Records that {@code useCase} is being run again after a failure of {@code cause}. */
    public void retried(String useCase, TransientPersistenceException.Cause cause) {
        add(new RetryEvent(clock.instant(), useCase, name(cause), false));
    }

    /** Records that {@code useCase} failed with {@code cause} and will not be run again. */
    public void exhausted(String useCase, TransientPersistenceException.Cause cause) {
        add(new RetryEvent(clock.instant(), useCase, name(cause), true));
    }

    /** Counts over the last hour and since start, and the {@code limit} newest events, newest first. */
    public synchronized RetryStatistics statistics(int limit) {
        Instant hourAgo = clock.instant().minus(HOUR);
        Map<String, Long> retriesLastHour = new TreeMap<>();
        Map<String, Long> exhaustedLastHour = new TreeMap<>();
        List<RetryEvent> newest = new ArrayList<>(Math.min(limit, recent.size()));
        for (var it = recent.descendingIterator(); it.hasNext(); ) {
            RetryEvent event = it.next();
            if (newest.size() < limit) {
                newest.add(event);
            }
            if (event.at().isBefore(hourAgo)) {
                continue;
            }
            (event.exhausted() ? exhaustedLastHour : retriesLastHour).merge(event.cause(), 1L, Long::sum);
        }
        return new RetryStatistics(retriesLastHour, retriesSinceStart, exhaustedLastHour, exhaustedSinceStart,
                newest);
    }

    private synchronized void add(RetryEvent event) {
        if (recent.size() == capacity) {
            recent.removeFirst();
        }
        recent.addLast(event);
        (event.exhausted() ? exhaustedSinceStart : retriesSinceStart).merge(event.cause(), 1L, Long::sum);
    }

    private static String name(TransientPersistenceException.Cause cause) {
        return cause.name().toLowerCase(Locale.ROOT);
    }
}
