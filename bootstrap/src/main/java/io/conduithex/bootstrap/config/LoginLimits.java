package io.conduithex.bootstrap.config;

import io.conduithex.application.user.FailedLogins;
import java.time.Duration;
import java.util.Objects;

/**
 * How much password hashing runs at once and may wait, and how many failed logins an account and address pair
 * may have in a window.
 */
public record LoginLimits(int hashThreads, int hashWaiting, FailedLogins.Settings failures) {
    public static final int DEFAULT_HASH_WAITING = 2;
    public static final int DEFAULT_FAILURE_LIMIT = 5;
    public static final Duration DEFAULT_FAILURE_WINDOW = Duration.ofMinutes(5);

    public LoginLimits {
        Objects.requireNonNull(failures, "failures");
    }

    /**
     * Half the CPUs, at least one: a burst of logins then takes at most half the machine, and every other request
     * keeps the rest.
     */
    public static int defaultHashThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
