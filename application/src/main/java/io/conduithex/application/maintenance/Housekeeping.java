package io.conduithex.application.maintenance;

import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.port.persistence.Transaction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Removes what is kept for a while only: idempotency keys past their time to live and audit events past their
 * retention. Each batch of at most {@link #BATCH} rows is a short unit of work of its own, so a sweep never holds
 * locks for long and requests interleave with it; a sweep goes on until a batch comes back short. Every batch is
 * timed and every row counted ({@code conduit.housekeeping.*}).
 */
@Singleton
public final class Housekeeping {
    public static final int BATCH = 500;

    /** What a sweep removed. */
    public record Sweep(int idempotencyKeys, int auditEvents) {
    }

    private final TransactionRunner transactions;
    private final Clock clock;
    private final Duration auditRetention;
    private final Counter keysDeleted;
    private final Counter eventsDeleted;
    private final Timer keyBatches;
    private final Timer eventBatches;

    @Inject
    public Housekeeping(TransactionRunner transactions, Clock clock, Retention retention, MeterRegistry meters) {
        this.transactions = transactions;
        this.clock = clock;
        this.auditRetention = retention.auditEvents();
        this.keysDeleted = deleted(meters, "idempotency_keys");
        this.eventsDeleted = deleted(meters, "audit_events");
        this.keyBatches = batches(meters, "idempotency_keys");
        this.eventBatches = batches(meters, "audit_events");
    }

    /** How long audit events are kept; idempotency keys keep the time to live they were stored with. */
    public record Retention(Duration auditEvents) {
        public Retention {
            Objects.requireNonNull(auditEvents, "auditEvents");
        }
    }

    /** One pass over both: everything expired by now, batch after batch. */
    public Sweep sweep() {
        Instant now = clock.instant();
        int keys = drain("housekeeping-idempotency-keys", keyBatches, keysDeleted,
                (tx, limit) -> tx.idempotencyKeys().deleteExpired(now, limit));
        Instant cutoff = now.minus(auditRetention);
        int events = drain("housekeeping-audit-events", eventBatches, eventsDeleted,
                (tx, limit) -> tx.audit().deleteOlderThan(cutoff, limit));
        return new Sweep(keys, events);
    }

    private int drain(String useCase, Timer batches, Counter deleted,
                      BiFunction<Transaction, Integer, Integer> batch) {
        int total = 0;
        while (true) {
            long began = System.nanoTime();
            int removed = transactions.write(useCase, tx -> batch.apply(tx, BATCH));
            batches.record(Duration.ofNanos(System.nanoTime() - began));
            deleted.increment(removed);
            total += removed;
            if (removed < BATCH) {
                return total;
            }
        }
    }

    private static Counter deleted(MeterRegistry meters, String what) {
        return Counter.builder("conduit.housekeeping.deleted")
                .description("Rows removed because they outlived their time to live or retention")
                .tag("table", what)
                .register(meters);
    }

    private static Timer batches(MeterRegistry meters, String what) {
        return Timer.builder("conduit.housekeeping.batches")
                .description("Housekeeping batches, each one short unit of work of at most " + BATCH + " rows")
                .tag("table", what)
                .register(meters);
    }
}
