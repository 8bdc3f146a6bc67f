package io.conduithex.application.idempotency;

import io.conduithex.domain.failure.DomainException;

/** An idempotency key sent again with a different request (method, path or body) than the one it was used for. */
public final class KeyReusedException extends DomainException {
    private static final long serialVersionUID = 1L;

    public KeyReusedException() {
        super("the idempotency key was used for a different request");
    }
}
