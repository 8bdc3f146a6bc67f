package io.conduithex.application.operations;

import java.util.List;

/** The overall verdict on the database layer, from its alerts. */
public enum HealthStatus {
    HEALTHY, DEGRADED, UNHEALTHY;

    /** Unhealthy with any critical alert, degraded with any other alert, else healthy. */
    static HealthStatus from(List<Finding> alerts) {
        if (alerts.stream().anyMatch(alert -> alert.severity() == Finding.Severity.CRITICAL)) {
            return UNHEALTHY;
        }
        return alerts.isEmpty() ? HEALTHY : DEGRADED;
    }
}
