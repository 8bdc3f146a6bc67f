package io.conduithex.application.idempotency;

import io.conduithex.domain.failure.DomainException;

/**
 * Another request with the idempotency key (on this instance or another) has stored its answer on it and not yet
 * committed: it is most likely committing, or hangs in its COMMIT.
 */
public final class KeyInUseException extends DomainException {
    private static final long serialVersionUID = 1L;

    public KeyInUseException() {
        super("another request with this idempotency key is storing its answer");
    }
}
