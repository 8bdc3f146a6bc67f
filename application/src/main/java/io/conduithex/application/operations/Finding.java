package io.conduithex.application.operations;

import java.util.Objects;

/**
 * One alert or recommendation derived from the figures.
 *
 * @param code     stable machine-readable name, such as {@code pool_waiting}
 * @param severity how bad it is
 * @param message  what was seen and what to do, for a person
 */
public record Finding(String code, Severity severity, String message) {

    public enum Severity {
        /** Worth acting on, nothing is failing. */
        ADVICE,
        /** Requests are slowed or some fail. */
        DEGRADED,
        /** Requests are failing because the database layer cannot keep up. */
        CRITICAL
    }

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }
}
