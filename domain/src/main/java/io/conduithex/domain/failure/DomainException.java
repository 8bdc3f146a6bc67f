package io.conduithex.domain.failure;

/**
 * An expected rejection of a request by the domain: bad input, a missing resource, a caller without
 * the right. Thrown inside a unit of work it rolls the work back, and it is never retried.
 */
public abstract class DomainException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    /** For a rejection that a lower-level failure revealed, such as a unique constraint. */
    protected DomainException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
