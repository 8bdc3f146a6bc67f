package io.conduithex.domain.idempotency;

import io.conduithex.domain.validation.Required;
import java.time.Instant;
import java.util.Optional;

/**
 * A key as stored: which request used it, when it expires, and the response that request committed.
 *
 * @param response present for every key this version stores (the answer commits with the request's effects);
 *                 empty only for a claim an earlier version committed while its request ran, which holds the key
 *                 until that request stores its answer or the claim's lease passes
 */
public record KeyRecord(KeyScope scope, IdempotencyKey key, RequestFingerprint fingerprint, Instant expiresAt,
                        Optional<StoredResponse> response) {

    public KeyRecord {
        Required.nonNull("scope", scope, "key", key, "fingerprint", fingerprint, "expiresAt", expiresAt,
                "response", response);
    }

    /** A key stored with the answer {@code response}. */
    public static KeyRecord answered(KeyScope scope, IdempotencyKey key, RequestFingerprint fingerprint,
                                     Instant expiresAt, StoredResponse response) {
        return new KeyRecord(scope, key, fingerprint, expiresAt, Optional.of(response));
    }
}
