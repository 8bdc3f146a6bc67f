package io.conduithex.application.transaction;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.conduithex.application.operations.RetryEvents;
import io.conduithex.application.operations.UseCaseTimings;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.conduithex.domain.port.persistence.UnitOfWork.TransactionalWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction boundary of every use case: runs a whole unit of work and, when it fails with a
 * {@link TransientPersistenceException} (and nothing else), runs the whole of it again with backoff and
 * jitter, within bounded attempts and total time. Each retry is logged and counted by use case and cause.
 * When the attempts run out, the last failure is thrown with the earlier ones attached as suppressed.
 * Each outermost run is timed by use case and outcome ({@code commit}, {@code retried}, {@code rollback}), and
 * kept with its attempts in {@link UseCaseTimings} for the operators' per use case figures.
 *
 * <p>Work started while a transaction is already active on this thread joins it and is not retried on its
 * own: only the outermost unit of work may be retried, because only it can be run again from the start.
 *
 * <p>Thread-safe. The work may run more than once, so it must have no effects outside the transaction.
 */
@Singleton
public final class TransactionRunner {

    private static final Logger log = LoggerFactory.getLogger(TransactionRunner.class);
    // Committed on the first attempt; committed after at least one retry; failed (rolled back or given up).
    private static final String OUTCOME_COMMIT = "commit";
    private static final String OUTCOME_RETRIED = "retried";
    private static final String OUTCOME_ROLLBACK = "rollback";

    private final UnitOfWork unitOfWork;
    private final RetrySettings settings;
    private final MeterRegistry meters;
    private final RetryEvents events;
    private final UseCaseTimings useCases;
    private final ConcurrentMap<String, RetryPolicy<Object>> policiesByUseCase = new ConcurrentHashMap<>();
    /** Duration timers by use case and outcome, registered once rather than looked up on every unit of work. */
    private final ConcurrentMap<String, Timer> durations = new ConcurrentHashMap<>();

    /** A runner whose retry events nobody reads; for tests and tools. */
    public TransactionRunner(UnitOfWork unitOfWork, RetrySettings settings, MeterRegistry meters) {
        this(unitOfWork, settings, meters, new RetryEvents(Clock.systemUTC()));
    }

    /** A runner that also records each retry, and each unit of work given up, in {@code events}. */
    public TransactionRunner(UnitOfWork unitOfWork, RetrySettings settings, MeterRegistry meters,
                             RetryEvents events) {
        this(unitOfWork, settings, meters, events, new UseCaseTimings());
    }

    /** A runner that also records retries in {@code events} and each outermost unit of work in {@code useCases}. */
    @Inject
    public TransactionRunner(UnitOfWork unitOfWork, RetrySettings settings, MeterRegistry meters,
                             RetryEvents events, UseCaseTimings useCases) {
        this.unitOfWork = unitOfWork;
        this.settings = settings;
        this.meters = meters;
        this.events = events;
        this.useCases = useCases;
    }

    /** Runs read-only work named after its use case. */
    public <R> R read(String useCase, TransactionalWork<R> work) {
        return run(TransactionSpec.readOnly(useCase), work);
    }

    /** Runs read-write work named after its use case. */
    public <R> R write(String useCase, TransactionalWork<R> work) {
        return run(TransactionSpec.readWrite(useCase), work);
    }

    public <R> R run(TransactionSpec spec, TransactionalWork<R> work) {
        if (unitOfWork.isActive()) {
            return unitOfWork.inTransaction(spec, work);
        }
        List<TransientPersistenceException> failures = new ArrayList<>();
        int[] attempts = {0};
        long began = System.nanoTime();
        String outcome = OUTCOME_ROLLBACK;
        try {
            R result = Failsafe.with(policyFor(spec.name())).get(() -> {
                attempts[0]++;
                try {
                    return unitOfWork.inTransaction(spec, work);
                } catch (TransientPersistenceException e) {
                    failures.add(e);
                    throw e;
                }
            });
            outcome = failures.isEmpty() ? OUTCOME_COMMIT : OUTCOME_RETRIED;
            return result;
        } catch (TransientPersistenceException last) {
            for (TransientPersistenceException earlier : failures) {
                if (earlier != last) {
                    last.addSuppressed(earlier);
                }
            }
            throw last;
        } finally {
            recordDuration(spec.name(), outcome, System.nanoTime() - began, attempts[0]);
        }
    }

    /** Times the whole unit of work, retries and backoff included: what the caller waited. Never throws. */
    private void recordDuration(String useCase, String outcome, long nanos, int attempts) {
        try {
            useCases.record(useCase, nanos, OUTCOME_ROLLBACK.equals(outcome), Math.max(1, attempts));
            durations.computeIfAbsent(useCase + '\u0000' + outcome, key -> Timer.builder(UnitOfWorkMeters.DURATION)
                            .description("Units of work from first attempt to last, by use case and outcome")
                            .tag("use_case", useCase)
                            .tag("outcome", outcome)
                            .register(meters))
                    .record(nanos, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            log.warn("Could not record the duration of unit of work '{}'", useCase, e);
        }
    }

    private RetryPolicy<Object> policyFor(String useCase) {
        return policiesByUseCase.computeIfAbsent(useCase, this::buildPolicy);
    }

    private RetryPolicy<Object> buildPolicy(String useCase) {
        return RetryPolicy.builder()
                .handleIf(failure -> failure instanceof TransientPersistenceException)
                .withMaxRetries(settings.maxRetries())
                .withBackoff(settings.initialDelay(), settings.maxDelay())
                .withJitter(settings.jitterFactor())
                .withMaxDuration(settings.maxTotalDuration())
                .onRetry(event -> {
                    var cause = ((TransientPersistenceException) event.getLastException()).reason();
                    retries(useCase, cause).increment();
                    events.retried(useCase, cause);
                    log.warn("Retrying unit of work '{}' after {} (retry {} of at most {})",
                            useCase, cause, event.getAttemptCount(), settings.maxRetries());
                })
                .onRetriesExceeded(event -> {
                    if (event.getException() instanceof TransientPersistenceException last) {
                        events.exhausted(useCase, last.reason());
                    }
                    log.warn("Unit of work '{}' gave up after {} attempts: {}",
                            useCase, event.getAttemptCount(), String.valueOf(event.getException()));
                })
                .build();
    }

    private Counter retries(String useCase, TransientPersistenceException.Cause cause) {
        return Counter.builder(UnitOfWorkMeters.RETRIES)
                .description("Units of work run again after a transient database failure")
                .tag("use_case", useCase)
                .tag("cause", cause.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters);
    }
}
