package io.conduithex.domain.failure;

/** The caller is known but may not perform this action on this resource. */
public final class ForbiddenException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
