package io.conduithex.application.idempotency;

import io.conduithex.application.article.TagCache;
import io.conduithex.application.transaction.TransactionRunner;
import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.idempotency.KeyRecord;
import io.conduithex.domain.idempotency.StoredResponse;
import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.port.persistence.TransactionSpec;
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
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a write sent with an idempotency key at most once, and answers its retries with the response it gave.
 *
 * <ol>
 *   <li>A short unit of work of its own claims the key: a new row, running, with a random claim token, inserted
 *       by one statement that commits as it runs (a new key is the usual case, and the cheapest). A key
 *       already done for the same request is a replay; for another request, {@link KeyReusedException}; still
 *       running within its lease, {@link KeyInUseException}. A claim past its lease, or a key past its time to
 *       live, is taken over.</li>
 *   <li>The request's own unit of work runs the write, encodes the response and stores it on the key, on the
 *       condition that the claim token still holds it, in the same transaction: the effects and the stored
 *       response commit together or not at all, and a claim taken over meanwhile rolls the effects back.</li>
 *   <li>A request that fails releases its key (only while it is still running under its token: a commit whose
 *       answer was lost but which happened left the key done), so the client may send it again. When the database
 *       is away (unreachable, or failing every retry) the key is left to its lease instead, so that the answer is
 *       not held back by a release that would wait out the pool again; until the lease passes the key is in use.</li>
 * </ol>
 *
 * The execution's use case joins the unit of work this opens, so retries of transient failures run the whole of
 * it, storing of the response included. Thread-safe.
 */
@Singleton
public final class IdempotentWrites {
    private static final Logger log = LoggerFactory.getLogger(IdempotentWrites.class);
    /** A key released between being found taken and being read is claimed again, at most this many times. */
    private static final int CLAIM_ATTEMPTS = 3;
    private static final String CLAIM = "idempotency-claim";

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
     * effects on the database) once for {@code request}'s key, or answers with the response stored for it.
     *
     * @throws KeyReusedException the key was used for another request
     * @throws KeyInUseException  the request that first used the key is still running
     */
    public Answer run(KeyedRequest request, Supplier<StoredResponse> execution) {
        String token = UUID.randomUUID().toString();
        Optional<StoredResponse> stored;
        try {
            stored = claim(request, token);
        } catch (CommitOutcomeUnknownException claimLost) {
            // The claim may be stored: give it back, so that the client's retry need not wait out the lease.
            release(request, token, claimLost);
            throw claimLost;
        }
        if (stored.isPresent()) {
            outcomes.get(Outcome.REPLAYED).increment();
            return new Answer(stored.get(), true);
        }
        try {
            // A keyed write may change the tags in use; the cache learns it after this commit, not the nested one's.
            StoredResponse response = tags.afterWriting(() -> transactions.write(request.useCase(), tx -> {
                StoredResponse produced = execution.get();
                if (!tx.idempotencyKeys().complete(request.scope(), request.key(), token, produced)) {
                    // Taken over after the lease: the other request runs the write, this one must not.
                    throw new KeyInUseException();
                }
                return produced;
            }));
            outcomes.get(Outcome.EXECUTED).increment();
            return new Answer(response, false);
        } catch (RuntimeException | Error failure) {
            if (databaseAway(failure)) {
                // Giving the key back would wait out the pool again and hold the client's answer; its lease frees it.
                log.debug("Left the idempotency key of a failed '{}' to its lease: {}", request.useCase(), failure);
            } else {
                release(request, token, failure);
            }
            throw failure;
        }
    }

    /** The database did not answer, or kept failing: a release now would most likely fail the same way, slowly. */
    private static boolean databaseAway(Throwable failure) {
        return failure instanceof DatabaseUnavailableException || failure instanceof TransientPersistenceException;
    }

    /** Claims the key for {@code token}; returns the stored response when the request was already done. */
    private Optional<StoredResponse> claim(KeyedRequest request, String token) {
        Instant now = clock.instant();
        var claim = new KeyRecord(request.scope(), request.key(), request.fingerprint(), token,
                now.plus(settings.lease()), now.plus(settings.ttl()), Optional.empty());
        // A new key, the usual case, is one INSERT that commits as it runs: no BEGIN, no COMMIT, one round trip.
        if (transactions.run(TransactionSpec.singleStatement(CLAIM), tx -> tx.idempotencyKeys().claim(claim))) {
            return Optional.empty();
        }
        return transactions.write(CLAIM, tx -> claimSeen(tx, request, claim, now));
    }

    /** Claims a key found taken: a replay, a reuse, a key in use, or one to take over. */
    private Optional<StoredResponse> claimSeen(Transaction tx, KeyedRequest request, KeyRecord claim, Instant now) {
        for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
            Optional<KeyRecord> found = tx.idempotencyKeys().find(request.scope(), request.key());
            if (found.isPresent()) {
                return claimExisting(tx, request, claim, found.get(), now);
            }
            // Released since it was found taken: claim it again.
            if (tx.idempotencyKeys().claim(claim)) {
                return Optional.empty();
            }
        }
        outcomes.get(Outcome.IN_USE).increment();
        throw new KeyInUseException();
    }

    private Optional<StoredResponse> claimExisting(Transaction tx, KeyedRequest request, KeyRecord claim,
                                                   KeyRecord existing, Instant now) {
        boolean expired = !existing.expiresAt().isAfter(now);
        if (!expired) {
            if (!existing.fingerprint().equals(request.fingerprint())) {
                outcomes.get(Outcome.REUSED).increment();
                throw new KeyReusedException();
            }
            if (existing.isDone()) {
                return existing.response();
            }
            if (existing.leasedUntil().isAfter(now)) {
                outcomes.get(Outcome.IN_USE).increment();
                throw new KeyInUseException();
            }
            log.warn("Taking over idempotency key of unit of work '{}' whose claim passed its lease of {} ms"
                    + " without an answer", request.useCase(), settings.lease().toMillis());
        }
        if (!tx.idempotencyKeys().takeOver(existing, claim)) {
            outcomes.get(Outcome.IN_USE).increment();
            throw new KeyInUseException();
        }
        return Optional.empty();
    }

    /** Gives the key back after a failed request, so that it may be sent again; a failure here is only logged. */
    private void release(KeyedRequest request, String token, Throwable failure) {
        try {
            transactions.write("idempotency-release",
                    tx -> tx.idempotencyKeys().release(request.scope(), request.key(), token));
        } catch (RuntimeException releaseFailure) {
            log.warn("Could not release the idempotency key of a failed '{}' ({}); it is free again once its"
                            + " lease of {} ms has passed: {}", request.useCase(), failure.getClass().getSimpleName(),
                    settings.lease().toMillis(), releaseFailure.toString());
        }
    }
}
