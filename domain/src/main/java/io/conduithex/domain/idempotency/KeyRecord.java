package io.conduithex.domain.idempotency;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A key as stored: which request claimed it, by which claim, until when the claim holds, when the key expires,
 * and, once the request's unit of work committed, its response.
 *
 * @param claimToken   the claim's own random token: only the claim holding it may complete or release the key
 * @param leasedUntil  until when a running claim holds; after it another request may take the key over
 * @param response     empty while the request runs, present once it committed
 */
public record KeyRecord(KeyScope scope, IdempotencyKey key, RequestFingerprint fingerprint, String claimToken,
                        Instant leasedUntil, Instant expiresAt, Optional<StoredResponse> response) {

    public KeyRecord {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(claimToken, "claimToken");
        Objects.requireNonNull(leasedUntil, "leasedUntil");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(response, "response");
    }

    public boolean isDone() {
        return response.isPresent();
    }
}
