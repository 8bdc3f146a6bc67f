package io.conduithex.application.idempotency;

import io.conduithex.domain.idempotency.IdempotencyKey;
import io.conduithex.domain.idempotency.KeyScope;
import io.conduithex.domain.idempotency.RequestFingerprint;
import java.util.Objects;

/**
 * A write sent with an idempotency key.
 *
 * @param useCase the name its unit of work runs under (logs, metrics, retries), a bounded set
 */
public record KeyedRequest(KeyScope scope, IdempotencyKey key, RequestFingerprint fingerprint, String useCase) {
    public KeyedRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(useCase, "useCase");
    }
}
