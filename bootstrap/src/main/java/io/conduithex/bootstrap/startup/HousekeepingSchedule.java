package io.conduithex.bootstrap.startup;

import io.conduithex.application.maintenance.Housekeeping;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Housekeeping} on a daemon thread of its own, every {@link #INTERVAL}, while the application serves.
 * A sweep that fails (the database away, say) is logged and the next one tries again; each instance sweeps, and
 * two instances deleting the same expired rows only find fewer of them.
 */
final class HousekeepingSchedule implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(HousekeepingSchedule.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var thread = new Thread(runnable, "conduit-housekeeping");
        thread.setDaemon(true);
        return thread;
    });

    HousekeepingSchedule(Housekeeping housekeeping) {
        timer.scheduleWithFixedDelay(() -> sweep(housekeeping), INTERVAL.toMillis(), INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void sweep(Housekeeping housekeeping) {
        try {
            var sweep = housekeeping.sweep();
            if (sweep.idempotencyKeys() + sweep.auditEvents() > 0) {
                log.info("Housekeeping removed {} expired idempotency key(s) and {} audit event(s) past retention",
                        sweep.idempotencyKeys(), sweep.auditEvents());
            }
        } catch (RuntimeException e) {
            log.warn("Housekeeping failed, trying again in {} s: {}", INTERVAL.toSeconds(), e.toString());
        }
    }

    /** Stops sweeping; a sweep under way finishes its batch (bounded by the statement timeout). */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
