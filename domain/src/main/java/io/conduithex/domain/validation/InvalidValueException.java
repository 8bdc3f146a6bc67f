package io.conduithex.domain.validation;

/**
 * Thrown by a value object's constructor when the raw value breaks its rules. The message is
 * user-facing ("can't be blank", "is invalid") and never contains the rejected value, which may be a secret.
 */
public final class InvalidValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidValueException(String message) {
        super(message, null, false, false);
    }
}
