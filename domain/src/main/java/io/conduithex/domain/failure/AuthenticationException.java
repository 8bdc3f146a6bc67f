package io.conduithex.domain.failure;

/** Credentials are wrong, or the authenticated user no longer exists. */
public final class AuthenticationException extends DomainException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
