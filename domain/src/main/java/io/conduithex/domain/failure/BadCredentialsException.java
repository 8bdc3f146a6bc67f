package io.conduithex.domain.failure;

/**
 * The e-mail and password given at login do not name a user: the e-mail is unknown or the password is wrong,
 * one answer for both so that it does not reveal which accounts exist. Unlike {@link AuthenticationException},
 * it says nothing about a token.
 */
public final class BadCredentialsException extends DomainException {
    private static final long serialVersionUID = 1L;

    public BadCredentialsException() {
        super("email or password is invalid");
    }
}
