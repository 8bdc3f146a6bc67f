package io.conduithex.application.operations;

import io.conduithex.domain.port.persistence.PoolSnapshot;
import java.util.List;
import java.util.Locale;

/**
 * Derives alerts and recommendations from the figures, by fixed thresholds. Alerts say requests are hurt now;
 * recommendations say what to look into before they are.
 */
final class HealthRules {
    /** Above this share of the pool lent out, the next burst of requests will queue. */
    static final double POOL_UTILIZATION_ALERT_PERCENT = 80;

    private HealthRules() {
    }

    static List<Finding> alerts(PoolSnapshot pool, RetryStatistics retries) {
        var alerts = new java.util.ArrayList<Finding>();
        if (pool.waiting() > 0 && pool.active() >= pool.maximum()) {
            alerts.add(new Finding("pool_exhausted", Finding.Severity.CRITICAL, String.format(Locale.ROOT,
                    "all %d connections are lent out and %d requests wait for one: raise DB_POOL_SIZE or find "
                            + "what holds connections (long transactions, slow statements)",
                    pool.maximum(), pool.waiting())));
        } else if (pool.waiting() > 0) {
            alerts.add(new Finding("pool_waiting", Finding.Severity.DEGRADED, String.format(Locale.ROOT,
                    "%d requests wait for a connection", pool.waiting())));
        }
        if (pool.utilizationPercent() > POOL_UTILIZATION_ALERT_PERCENT) {
            alerts.add(new Finding("pool_utilization", Finding.Severity.DEGRADED, String.format(Locale.ROOT,
                    "pool utilization %.1f%% is above %.0f%%", pool.utilizationPercent(),
                    POOL_UTILIZATION_ALERT_PERCENT)));
        }
        long exhausted = retries.exhaustedLastHourTotal();
        if (exhausted > 0) {
            alerts.add(new Finding("retries_exhausted", Finding.Severity.DEGRADED, String.format(Locale.ROOT,
                    "%d requests failed after their retries ran out in the last hour (%s)", exhausted,
                    retries.exhaustedLastHour())));
        }
        return alerts;
    }

    static List<Finding> recommendations(RetryStatistics retries, long slowStatementsLastHour, long slowThresholdMs) {
        var recommendations = new java.util.ArrayList<Finding>();
        long deadlocks = retries.deadlocksLastHour();
        if (deadlocks > 0) {
            recommendations.add(new Finding("deadlocks", Finding.Severity.ADVICE, String.format(Locale.ROOT,
                    "%d deadlocks in the last hour: see /admin/database/deadlocks for the use cases, and make them "
                            + "take their locks in the same order", deadlocks)));
        }
        long contention = retries.retriesLastHour().entrySet().stream()
                .filter(entry -> !entry.getKey().equals(RetryStatistics.DEADLOCK))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        if (contention > 0) {
            recommendations.add(new Finding("retries", Finding.Severity.ADVICE, String.format(Locale.ROOT,
                    "%d units of work were retried in the last hour (%s): look for contention on the same rows",
                    contention, retries.retriesLastHour())));
        }
        if (slowStatementsLastHour > 0) {
            recommendations.add(new Finding("slow_statements", Finding.Severity.ADVICE, String.format(Locale.ROOT,
                    "%d statements ran longer than %d ms in the last hour: check their plans and indexes "
                            + "(POST /admin/database/diagnostics shows index usage)",
                    slowStatementsLastHour, slowThresholdMs)));
        }
        return recommendations;
    }
}
