package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.monitoring.TimingRecorder;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every transaction by use case and outcome, and reports the ones held open longer than the threshold:
 * a long transaction holds its locks and its connection, so it is where contention and pool exhaustion start.
 */
final class TransactionMeters {
    static final String TRANSACTIONS = "conduit.uow.transactions";
    static final String LONG_TRANSACTIONS = "conduit.uow.long_transactions";

    private static final Logger log = LoggerFactory.getLogger(TransactionMeters.class);

    enum Outcome {
        COMMIT, ROLLBACK, COMMIT_LOST;

        final String tag = name().toLowerCase(Locale.ROOT);
    }

    private final MeterRegistry meters;
    private final Duration longTransaction;
    private final TimingRecorder timings;
    /** Meters registered once per use case (and outcome), not looked up on every transaction. */
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> longCounters = new ConcurrentHashMap<>();

    TransactionMeters(MeterRegistry meters, Duration longTransaction, TimingRecorder timings) {
        this.meters = meters;
        this.longTransaction = longTransaction;
        this.timings = timings;
    }

    /** Never throws: a metric must not fail the transaction it measures (which may have committed already). */
    void record(TransactionSpec spec, Outcome outcome, long startedNanos) {
        try {
            recordOrThrow(spec, outcome, startedNanos);
        } catch (RuntimeException e) {
            log.debug("Could not record a transaction metric", e);
        }
    }

    private void recordOrThrow(TransactionSpec spec, Outcome outcome, long startedNanos) {
        long nanos = System.nanoTime() - startedNanos;
        String useCase = spec.name();
        String outcomeTag = outcome.tag;
        timers.computeIfAbsent(useCase + '\u0000' + outcomeTag, key -> Timer.builder(TRANSACTIONS)
                        .description("Database transactions by use case and how they ended")
                        .tag("use_case", useCase)
                        .tag("outcome", outcomeTag)
                        .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
        timings.recordTransaction(nanos, outcomeTag);
        if (nanos > longTransaction.toNanos()) {
            longCounters.computeIfAbsent(useCase, key -> Counter.builder(LONG_TRANSACTIONS)
                            .description("Transactions held open longer than DB_LONG_TRANSACTION_MS")
                            .tag("use_case", useCase)
                            .register(meters))
                    .increment();
            log.warn("Long transaction: unit of work '{}' held its transaction for {} ms (limit {} ms, {})",
                    useCase, nanos / 1_000_000, longTransaction.toMillis(), outcomeTag);
        }
    }
}
