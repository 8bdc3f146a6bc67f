package io.conduithex.domain.validation;

import io.conduithex.domain.failure.DomainException;

/** Input that breaks the rules of one or more fields; nothing was changed. */
public final class ValidationException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final transient FieldErrors errors;

    public ValidationException(FieldErrors errors) {
        super("invalid input: " + errors.asMap().keySet());
        this.errors = errors;
    }

    /**
     * Input rejected because of {@code cause}, such as a unique constraint the database enforced. The cause
     * is set here because {@link #initCause} cannot be used: the cause of a domain exception is fixed at construction.
     */
    public ValidationException(FieldErrors errors, Throwable cause) {
        super("invalid input: " + errors.asMap().keySet(), cause);
        this.errors = errors;
    }

    public FieldErrors errors() {
        return errors;
    }
}
