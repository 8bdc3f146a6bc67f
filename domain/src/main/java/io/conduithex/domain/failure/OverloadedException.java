package io.conduithex.domain.failure;

import java.time.Duration;
import java.util.Objects;

/**
 * The server refused work it has no capacity for right now, at once rather than queuing it behind work already
 * waiting; nothing was changed, and the same request may succeed after {@link #retryAfter()}.
 */
public final class OverloadedException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final String what;
    private final Duration retryAfter;

    /**
     * @param what       what is at capacity, as the client may read it, such as "password hashing"
     * @param retryAfter when trying again is worthwhile
     */
    public OverloadedException(String what, Duration retryAfter) {
        super(Objects.requireNonNull(what, "what") + " is at capacity");
        this.what = what;
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public String what() {
        return what;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
