package io.conduithex.domain.idempotency;

import io.conduithex.domain.validation.Required;
import java.time.Instant;
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
        Required.nonNull("scope", scope, "key", key, "fingerprint", fingerprint, "claimToken", claimToken,
                "leasedUntil", leasedUntil, "expiresAt", expiresAt, "response", response);
    }

    public boolean isDone() {
        return response.isPresent();
    }
}
