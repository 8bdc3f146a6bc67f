package io.conduithex.application.idempotency;

import io.conduithex.domain.failure.DomainException;

/** The request that first used an idempotency key is still running (on this instance or another). */
public final class KeyInUseException extends DomainException {
    private static final long serialVersionUID = 1L;

    public KeyInUseException() {
        super("a request with this idempotency key is still running");
    }
}
