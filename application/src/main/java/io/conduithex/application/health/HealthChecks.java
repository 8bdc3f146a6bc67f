package io.conduithex.application.health;

import io.conduithex.application.health.HealthReport.CheckOutcome;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Runs the readiness checks and remembers the report for a short time, so that probes hammering the readiness
 * endpoint cost the database at most one round of checks per {@code maxAge}. Thread-safe: concurrent callers
 * while a round runs wait for it and share its report, so checks never run concurrently with themselves. They
 * wait on a {@link ReentrantLock}, not a monitor, so that virtual threads waiting for a slow round do not pin
 * their carrier threads. Checks run one after the other, in the order given.
 */
public final class HealthChecks {
    /** How long a report is served again before the checks run anew. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(1);

    private final List<HealthCheck> checks;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock lock = new ReentrantLock();
    private HealthReport last;
    private long lastAt;

    public HealthChecks(List<HealthCheck> checks) {
        this(checks, DEFAULT_MAX_AGE, System::nanoTime);
    }

    /** @param nanoTime a monotonic clock in nanoseconds (a test passes one it moves by hand) */
    public HealthChecks(List<HealthCheck> checks, Duration maxAge, LongSupplier nanoTime) {
        this.checks = List.copyOf(checks);
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The report of the last round when it is younger than the maximum age, else of a new round. */
    public HealthReport report() {
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            if (last == null || now - lastAt >= maxAgeNanos) {
                last = runAll();
                lastAt = nanoTime.getAsLong();
            }
            return last;
        } finally {
            lock.unlock();
        }
    }

    private HealthReport runAll() {
        Map<String, CheckOutcome> outcomes = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            outcomes.put(check.name(), run(check));
        }
        return new HealthReport(outcomes);
    }

    private CheckOutcome run(HealthCheck check) {
        long began = nanoTime.getAsLong();
        HealthCheck.Result result;
        try {
            result = check.check();
        } catch (RuntimeException e) {
            result = HealthCheck.Result.down("check failed: " + e.getClass().getSimpleName());
        }
        long millis = Math.max(0, (nanoTime.getAsLong() - began) / 1_000_000);
        return new CheckOutcome(result.up(), millis, result.detail());
    }
}
