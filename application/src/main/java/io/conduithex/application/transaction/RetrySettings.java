package io.conduithex.application.transaction;

import java.time.Duration;
import java.util.Objects;

/**
 * How a unit of work is retried after a transient failure: at most {@code maxRetries} more attempts,
 * exponential backoff from {@code initialDelay} doubling up to {@code maxDelay}, each delay varied by
 * {@code jitterFactor} (0.25 means up to 25% either way), and never past {@code maxTotalDuration} in all.
 * The constructor rejects contradictory settings rather than quietly fixing them.
 */
public record RetrySettings(int maxRetries, Duration initialDelay, Duration maxDelay, double jitterFactor,
                            Duration maxTotalDuration) {

    public static final RetrySettings DEFAULTS = new RetrySettings(
            3, Duration.ofMillis(20), Duration.ofMillis(500), 0.5, Duration.ofSeconds(5));

    public RetrySettings {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxTotalDuration, "maxTotalDuration");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        if (initialDelay.isNegative() || initialDelay.isZero()) {
            throw new IllegalArgumentException("initialDelay must be positive, was " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) <= 0) {
            throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must exceed initialDelay (" + initialDelay + ")");
        }
        if (!(jitterFactor >= 0 && jitterFactor <= 1)) { // written so that NaN is rejected too
            throw new IllegalArgumentException("jitterFactor must be within [0, 1], was " + jitterFactor);
        }
        if (maxTotalDuration.compareTo(maxDelay) <= 0) {
            throw new IllegalArgumentException(
                    "maxTotalDuration (" + maxTotalDuration + ") must exceed maxDelay (" + maxDelay + ")");
        }
    }

    public RetrySettings withMaxRetries(int retries) {
        return new RetrySettings(retries, initialDelay, maxDelay, jitterFactor, maxTotalDuration);
    }
}
