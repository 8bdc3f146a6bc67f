package io.conduithex.application.operations;

import io.conduithex.domain.port.persistence.DatabaseTimings.Latency;
import io.conduithex.domain.port.persistence.DatabaseTimings.SlowStatements;
import io.conduithex.domain.port.persistence.PoolSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * The database layer's health at one moment: the figures, and what they call for.
 *
 * @param slowStatementsLastHour slow statements in the last hour, among those kept
 * @param alerts                 findings that make the status degraded or unhealthy
 * @param recommendations        findings worth acting on that do not change the status
 */
public record DatabaseHealth(HealthStatus status, Instant timestamp, PoolSnapshot pool, Latency unitsOfWork,
                             Latency statements, SlowStatements slowStatements, long slowStatementsLastHour,
                             RetryStatistics retries, List<Finding> recommendations, List<Finding> alerts) {
    public DatabaseHealth {
        recommendations = List.copyOf(recommendations);
        alerts = List.copyOf(alerts);
    }
}
