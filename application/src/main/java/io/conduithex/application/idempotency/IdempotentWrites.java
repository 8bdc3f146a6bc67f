package io.conduithex.application.idempotency;

import io.conduithex.application.article.TagCache;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.idempotency.KeyRecord;
import io.conduithex.domain.idempotency.StoredResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Commits a write sent with an idempotency key at most once, and answers its retries with the response it gave.
 *
 * <p>The write runs in its own unit of work, and the last statement of that transaction stores its response on the
 * key, unless the key holds an answer already. So the effects and the stored response commit together or not at
 * all, and a key is never marked while its request runs: a request that fails, or whose process dies, leaves its key
 * as it found it, free for the client's retry.
 *
 * <p>A key that holds an answer makes the transaction roll back, whatever the write did in it, and the request is
 * answered from the key: the stored response for the same request (a replay), {@link KeyReusedException} for
 * another. The same goes for a write that fails when its key holds an answer (a retried delete finds nothing to
 * delete, a retried registration finds its name taken): the answer on the key wins. A key another transaction is
 * storing, still uncommitted a second later, is {@link KeyInUseException}.
 *
 * <p>Nothing is looked up before the write, which is what makes a key cheap: a keyed write sends the statements of
 * an unkeyed one, its last one an insert instead of a read (docs/performance.md, "The cost of an idempotency key").
 * The price is paid by retries and duplicates, which run the write's statements in a transaction that cannot commit.
 * The execution's use case joins the unit of work this opens, so retries of transient failures run the whole of it,
 * storing of the response included. Thread-safe.
 */
@Singleton
public final class IdempotentWrites {
    /** A key deleted as expired between being found taken and being read is tried again, at most this often. */
    private static final int ATTEMPTS = 2;

    /** What became of a keyed request. */
    public enum Outcome { EXECUTED, REPLAYED, REUSED, IN_USE }

    /** The response to send, and whether it is a replay of a stored one. */
    public record Answer(StoredResponse response, boolean replayed) {
    }

    private final TransactionRunner transactions;
    private final IdempotencySettings settings;
    private final Clock clock;
    private final TagCache tags;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

    @Inject
    public IdempotentWrites(TransactionRunner transactions, IdempotencySettings settings, Clock clock, TagCache tags,
                            MeterRegistry meters) {
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.tags = tags;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("conduit.idempotency.requests")
                    .description("Writes sent with an Idempotency-Key, by what became of them")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(meters));
        }
    }

    /**
     * Runs {@code execution} (the write and the encoding of its response, which must be the request's only
     * effects on the database) and commits it once for {@code request}'s key, or answers with the response stored
     * for it.
     *
     * @throws KeyReusedException the key was used for another request
     * @throws KeyInUseException  another request with the key is storing its answer and has not committed
     */
    public Answer run(KeyedRequest request, Supplier<StoredResponse> execution) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<StoredResponse> executed;
            try {
                executed = execute(request, execution);
            } catch (KeyInUseException busy) {
                outcomes.get(Outcome.IN_USE).increment();
                throw busy;
            } catch (RuntimeException | Error failure) {
                if (!mayHaveAnAnswer(failure)) {
                    throw failure;
                }
                // A retry whose write fails now (its article deleted, its name taken) was answered before.
                Optional<KeyRecord> stored;
                try {
                    stored = find(request);
                } catch (RuntimeException lookupFailure) {
                    failure.addSuppressed(lookupFailure);
                    throw failure;
                }
                if (stored.isEmpty()) {
                    throw failure;
                }
                return answerFrom(stored.get(), request);
            }
            if (executed.isPresent()) {
                outcomes.get(Outcome.EXECUTED).increment();
                return new Answer(executed.get(), false);
            }
            Optional<KeyRecord> stored = find(request);
            if (stored.isPresent()) {
                return answerFrom(stored.get(), request);
            }
            // Found taken, then gone: deleted as expired in between. The key is free again.
        }
        outcomes.get(Outcome.IN_USE).increment();
        throw new KeyInUseException();
    }

    /** The write's response, stored on the key; empty when the key holds an answer, and the write rolled back. */
    private Optional<StoredResponse> execute(KeyedRequest request, Supplier<StoredResponse> execution) {
        try {
            // A keyed write may change the tags in use; the cache learns it after this commit, not the nested one's.
            return Optional.of(tags.afterWriting(() -> transactions.write(request.useCase(), tx -> {
                StoredResponse produced = execution.get();
                Instant now = clock.instant();
                var answered = KeyRecord.answered(request.scope(), request.key(), request.fingerprint(),
                        now.plus(settings.ttl()), produced);
                return switch (tx.idempotencyKeys().store(answered, now)) {
                    case STORED -> produced;
                    case TAKEN -> throw new KeyTaken();
                    case BUSY -> throw new KeyInUseException();
                };
            })));
        } catch (KeyTaken taken) {
            return Optional.empty();
        }
    }

    /**
     * Whether a failed write's key may hold an answer worth looking up. Not when the database is away (the look-up
     * would wait out the pool again) nor when the commit's outcome is unknown (the client is told so, and its
     * retry finds the answer if the commit happened).
     */
    private static boolean mayHaveAnAnswer(Throwable failure) {
        return failure instanceof RuntimeException
                && !(failure instanceof DatabaseUnavailableException)
                && !(failure instanceof TransientPersistenceException)
                && !(failure instanceof CommitOutcomeUnknownException);
    }

    /** The key as committed; read on the primary, where the write that stored it committed. */
    private Optional<KeyRecord> find(KeyedRequest request) {
        Instant now = clock.instant();
        return transactions.write(request.useCase() + "-replay",
                tx -> tx.idempotencyKeys().find(request.scope(), request.key(), now));
    }

    private Answer answerFrom(KeyRecord stored, KeyedRequest request) {
        if (!stored.fingerprint().equals(request.fingerprint())) {
            outcomes.get(Outcome.REUSED).increment();
            throw new KeyReusedException();
        }
        if (stored.response().isEmpty()) {
            // A claim of an earlier version, whose request still runs.
            outcomes.get(Outcome.IN_USE).increment();
            throw new KeyInUseException();
        }
        outcomes.get(Outcome.REPLAYED).increment();
        return new Answer(stored.response().get(), true);
    }

    /** The key holds an answer: rolls the write back. Carries no stack trace; it never leaves this class. */
    private static final class KeyTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyTaken() {
            super("the idempotency key holds an answer", null, false, false);
        }
    }
}
