package io.conduithex.application.operations;

import java.time.Instant;
import java.util.Objects;

/**
 * One unit of work run again (or given up) after a transient database failure.
 *
 * @param at        when it happened
 * @param useCase   the unit of work's use case name
 * @param cause     lower-case cause: {@code deadlock}, {@code serialization_failure}, {@code connection_lost},
 *                  {@code busy}
 * @param exhausted true when this failure was the last one: the retries ran out and the request failed
 */
public record RetryEvent(Instant at, String useCase, String cause, boolean exhausted) {
    public RetryEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(useCase, "useCase");
        Objects.requireNonNull(cause, "cause");
    }
}
