package io.conduithex.domain.failure;

/**
 * The authenticated caller no longer exists: the token was valid, but the user it names has gone. Wrong login
 * credentials are {@link BadCredentialsException}.
 */
public final class AuthenticationException extends DomainException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }
}
