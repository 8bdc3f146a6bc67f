package io.conduithex.adapter.jdbi.pool;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a JDBI handle (and so its pooled connection) held longer than the leak threshold: a warning naming the
 * thread that holds it, how long, and where that thread is now; and, when it comes back after all, a line saying
 * so. This replaces HikariCP's own leak detection, which captures the borrower's whole stack on every borrow: a
 * twelfth of the server's CPU for a one-row read. Here a borrow costs two map operations, and the stack is taken
 * only for a handle already past the threshold, once.
 *
 * <p>Every unit of work, the seed writer and the health checks borrow through JDBI, so this watches them all;
 * Flyway's migrations take their connection from the data source directly and are not watched (they may hold it
 * for minutes by design). Thread-safe; {@link #close()} ends its checking thread.
 */
final class LeakWatch implements HandleListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeakWatch.class);

    private final String poolName;
    private final long thresholdNanos;
    private final Map<Handle, Borrow> lent = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker;

    private static final class Borrow {
        final Thread holder = Thread.currentThread();
        final long sinceNanos = System.nanoTime();
        volatile boolean reported;
    }

    /** Checks four times per threshold, so a leak is reported at most a quarter of the threshold late. */
    LeakWatch(String poolName, Duration threshold) {
        this.poolName = poolName;
        this.thresholdNanos = threshold.toNanos();
        this.checker = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, poolName + "-leak-watch");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, threshold.toMillis() / 4);
        checker.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void handleCreated(Handle handle) {
        lent.put(handle, new Borrow());
    }

    @Override
    public void handleClosed(Handle handle) {
        Borrow borrow = lent.remove(handle);
        if (borrow != null && borrow.reported) {
            // At the warning's level, so that whoever sees the warning also sees that it ended.
            log.warn("Previously reported leaked connection of pool {} was returned by thread {} after {} ms",
                    poolName, borrow.holder.getName(), millisSince(borrow.sinceNanos));
        }
    }

    private void check() {
        try {
            long now = System.nanoTime();
            lent.forEach((handle, borrow) -> {
                if (!borrow.reported && now - borrow.sinceNanos > thresholdNanos) {
                    borrow.reported = true;
                    report(borrow);
                }
            });
        } catch (RuntimeException e) {
            // A failed check must not end the schedule: the next one runs as planned.
            log.warn("Leak check of pool {} failed", poolName, e);
        }
    }

    private void report(Borrow borrow) {
        var whereNow = new LeakedConnection(borrow.holder.getName());
        whereNow.setStackTrace(borrow.holder.getStackTrace());
        log.warn("Connection leak detection triggered for pool {}: thread {} has held a connection for {} ms"
                        + " (limit {} ms); where that thread is now follows",
                poolName, borrow.holder.getName(), millisSince(borrow.sinceNanos), thresholdNanos / 1_000_000,
                whereNow);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }

    /** Carries the holder's stack into the log; never thrown. */
    private static final class LeakedConnection extends Exception {
        private static final long serialVersionUID = 1L;

        LeakedConnection(String thread) {
            super("connection held by thread " + thread, null, false, true);
        }
    }
}
