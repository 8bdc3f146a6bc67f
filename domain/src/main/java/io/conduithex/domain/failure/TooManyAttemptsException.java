package io.conduithex.domain.failure;

import java.time.Duration;
import java.util.Objects;

/**
 * Too many failed attempts of something guarded against guessing (a login) came from one place in a while: this
 * one was not even tried. It says nothing about whether it would have succeeded.
 */
public final class TooManyAttemptsException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** @param retryAfter when the next attempt will be tried */
    public TooManyAttemptsException(Duration retryAfter) {
        super("too many failed attempts, try again later");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
