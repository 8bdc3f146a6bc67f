package io.conduithex.domain.port.persistence;

import io.conduithex.domain.idempotency.IdempotencyKey;
import io.conduithex.domain.idempotency.KeyRecord;
import io.conduithex.domain.idempotency.KeyScope;
import io.conduithex.domain.idempotency.StoredResponse;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys, bound to one transaction. A key moves from claimed (running) to done (its response stored)
 * or is released (deleted); every change after the claim is conditional on the claim's token, so a request
 * whose claim was taken over can neither complete nor release the key.
 */
public interface IdempotencyRepository {

    Optional<KeyRecord> find(KeyScope scope, IdempotencyKey key);

    /**
     * Stores a new running claim, unless the key exists already; returns whether it did. A claim racing another
     * for the same key waits for it and then finds the key taken.
     */
    boolean claim(KeyRecord claim);

    /**
     * Replaces {@code previous}'s claim (expired, or past its lease) by {@code claim}; false if the key changed
     * since {@code previous} was read (another claim, or the running request completed).
     */
    boolean takeOver(KeyRecord previous, KeyRecord claim);

    /** Marks the key done with {@code response}; false when {@code claimToken} no longer holds the key. */
    boolean complete(KeyScope scope, IdempotencyKey key, String claimToken, StoredResponse response);

    /** Deletes the key if {@code claimToken} still holds it and it is not done; false otherwise. */
    boolean release(KeyScope scope, IdempotencyKey key, String claimToken);

    /** Deletes at most {@code limit} keys that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now, int limit);
}
