package io.conduithex.domain.port.persistence;

import io.conduithex.domain.idempotency.IdempotencyKey;
import io.conduithex.domain.idempotency.KeyRecord;
import io.conduithex.domain.idempotency.KeyScope;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys, bound to one transaction. A key is written once, with the answer of the request that used it,
 * by the last statement of that request's own transaction: the answer and the request's effects commit together
 * or neither does, and a request that fails leaves no trace on its key.
 */
public interface IdempotencyRepository {

    /** What {@link #store} did. */
    enum Stored {
        /** The key holds the answer now: it was new, or had expired. */
        STORED,
        /** The key holds another request's answer, committed; or a claim of an earlier version whose lease holds. */
        TAKEN,
        /**
         * Another transaction is storing an answer on the key and did not end within about a second (it hangs in
         * its COMMIT, for one). The transaction that asked can only roll back now.
         */
        BUSY
    }

    /**
     * The key as it holds at {@code now}: none if it expired, or if it is a claim of an earlier version whose lease
     * passed.
     */
    Optional<KeyRecord> find(KeyScope scope, IdempotencyKey key, Instant now);

    /**
     * Stores {@code answered} unless its key holds an answer that has not expired at {@code now}. A store racing
     * another transaction's store of the same key waits for it to end, for about a second at most. Meant to be the
     * last statement of its transaction: the bound on that wait may hold until the transaction ends.
     *
     * @param answered a record whose response is present
     */
    Stored store(KeyRecord answered, Instant now);

    /** Deletes at most {@code limit} keys that expired before {@code now}; returns how many. */
    int deleteExpired(Instant now, int limit);
}
