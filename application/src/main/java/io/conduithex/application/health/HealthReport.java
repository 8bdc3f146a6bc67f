package io.conduithex.application.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of running every readiness check once.
 *
 * @param checks by name, in the order the checks were given
 */
public record HealthReport(Map<String, CheckOutcome> checks) {

    public HealthReport {
        checks = Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /** Whether every check is up (vacuously true without checks). */
    public boolean up() {
        return checks.values().stream().allMatch(CheckOutcome::up);
    }

    /**
     * One check's outcome.
     *
     * @param up            whether it passed
     * @param latencyMillis how long the check took
     * @param detail        what it found, or null
     */
    public record CheckOutcome(boolean up, long latencyMillis, String detail) {
    }
}
