package io.conduithex.adapter.web;

import io.conduithex.domain.port.persistence.DatabaseDiagnostics;
import java.util.Optional;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.application.operations.DatabaseHealth;
import io.conduithex.application.operations.DatabaseMetrics;
import io.conduithex.application.operations.UseCaseLatency;
import io.conduithex.domain.port.persistence.DatabaseTimings.Distribution;
import io.conduithex.domain.port.persistence.DatabaseTimings.StatementTotal;
import io.conduithex.domain.port.persistence.DatabaseTimings.StatementTotals;
import io.conduithex.application.operations.Finding;
import io.conduithex.application.operations.HealthStatus;
import io.conduithex.application.operations.RetryEvent;
import io.conduithex.application.operations.RetryStatistics;
import io.conduithex.domain.port.persistence.DatabaseTimings.Latency;
import io.conduithex.domain.port.persistence.DatabaseTimings.SlowStatement;
import io.conduithex.domain.port.persistence.DatabaseTimings.SlowStatements;
import io.conduithex.domain.port.persistence.PoolSnapshot;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard reads these names, in this order: the bodies are pinned to the character. */
class AdminJsonTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final PoolSnapshot POOL = new PoolSnapshot(5, 2, 3, 1,
            new PoolSnapshot.PoolConfiguration("sqlite", 4, 5000, 0, 0, 10_000, 2));
    private static final RetryStatistics RETRIES = new RetryStatistics(Map.of("deadlock", 2L, "busy", 1L),
            Map.of("deadlock", 5L), Map.of("busy", 1L), Map.of(), List.of(
                    new RetryEvent(NOW, "create-article", "deadlock", true), new RetryEvent(NOW, "x", "busy", false)));

    @Test
    void theHealthBodyNamesEveryFigure() {
        var health = new DatabaseHealth(HealthStatus.HEALTHY, NOW, POOL, new Latency(3, 1.5, 2.5, 3.5),
                new Latency(9, 0.1, 0.2, 0.3), new SlowStatements(500, 7, List.of(new SlowStatement(NOW, 612.5,
                "select 1"))), 4, RETRIES, List.of(new Finding("a", Finding.Severity.ADVICE, "m")),
                List.of(new Finding("b", Finding.Severity.CRITICAL, "n")));

        assertThat(json(AdminJson.health(health))).isEqualTo("{\"status\":\"healthy\","
                + "\"timestamp\":\"2026-01-02T03:04:05.678Z\","
                + "\"pool\":{\"size\":5,\"active\":2,\"idle\":3,\"waiting\":1,\"utilizationPercent\":40.0},"
                + "\"performance\":{\"unitOfWork\":{\"count\":3,\"p50Ms\":1.5,\"p95Ms\":2.5,\"p99Ms\":3.5},"
                + "\"statements\":{\"count\":9,\"p50Ms\":0.1,\"p95Ms\":0.2,\"p99Ms\":0.3},"
                + "\"slowStatements\":{\"thresholdMs\":500,\"total\":7,\"lastHour\":4,\"recent\":[{"
                + "\"at\":\"2026-01-02T03:04:05.678Z\",\"durationMs\":612.5,\"sql\":\"select 1\"}]}},"
                + "\"reliability\":{\"retries\":{\"lastHour\":{\"busy\":1,\"deadlock\":2},"
                + "\"sinceStart\":{\"deadlock\":5}},\"deadlocks\":{\"lastHour\":2,\"sinceStart\":5},"
                + "\"exhausted\":{\"lastHour\":{\"busy\":1},\"sinceStart\":{}}},"
                + "\"recommendations\":[{\"code\":\"a\",\"severity\":\"advice\",\"message\":\"m\"}],"
                + "\"alerts\":[{\"code\":\"b\",\"severity\":\"critical\",\"message\":\"n\"}]}");
    }

    @Test
    void theConnectionPoolBodyGivesTheLiveFiguresThenTheConfiguration() {
        assertThat(json(AdminJson.connectionPool(POOL, NOW))).isEqualTo("{\"timestamp\":\"2026-01-02T03:04:05.678Z\","
                + "\"size\":5,\"active\":2,\"idle\":3,\"waiting\":1,\"utilizationPercent\":40.0,"
                + "\"configuration\":{\"dialect\":\"sqlite\",\"maximumPoolSize\":4,\"connectionTimeoutMs\":5000,"
                + "\"maxLifetimeMs\":0,\"leakDetectionThresholdMs\":0,\"statementTimeoutMs\":10000,\"instances\":2,"
                + "\"poolBudget\":8}}");
    }

    @Test
    void theDeadlocksBodyCountsByWindowAndListsTheRecentRetries() {
        var latest = new DatabaseDiagnostics.LatestDeadlock(true, Optional.of("2026-01-02 03:04:05 0x7f"),
                Optional.of("*** (1) TRANSACTION: ..."), "InnoDB keeps its latest deadlock only");
        assertThat(json(AdminJson.deadlocks(RETRIES, latest, NOW))).isEqualTo("{\"timestamp\":\"2026-01-02T03:04:05.678Z\","
                + "\"deadlocks\":{\"lastHour\":2,\"sinceStart\":5},"
                + "\"retries\":{\"lastHour\":{\"busy\":1,\"deadlock\":2},\"sinceStart\":{\"deadlock\":5}},"
                + "\"exhausted\":{\"lastHour\":{\"busy\":1},\"sinceStart\":{}},\"recent\":["
                + "{\"at\":\"2026-01-02T03:04:05.678Z\",\"useCase\":\"create-article\",\"cause\":\"deadlock\","
                + "\"outcome\":\"gave_up\"},"
                + "{\"at\":\"2026-01-02T03:04:05.678Z\",\"useCase\":\"x\",\"cause\":\"busy\",\"outcome\":\"retried\"}],"
                + "\"latestReported\":{\"reported\":true,\"detected\":\"2026-01-02 03:04:05 0x7f\","
                + "\"text\":\"*** (1) TRANSACTION: ...\",\"note\":\"InnoDB keeps its latest deadlock only\"}}");
    }

    @Test
    void theMetricsBodyNamesTheWindowOfEveryGroup() {
        var metrics = new DatabaseMetrics(NOW, "last 1024 units of work of each use case",
                List.of(new UseCaseLatency("list-articles", 12, 10, 1, 11, 1.5, 2.5, 3.5, 4.5)),
                Map.of("commit", 9L, "rollback", 2L), RETRIES, POOL,
                new Distribution("last 2048 connection acquisitions", 20, 0.1, 0.2, 0.3, 0.4),
                new StatementTotals("last 4096 statements", 30,
                        List.of(new StatementTotal("SELECT ? FROM t WHERE id = ?", 3, 6, 2, 3))),
                new DatabaseDiagnostics.Report("sqlite", Map.of("reported", false)));

        assertThat(json(AdminJson.metrics(metrics))).isEqualTo("{\"timestamp\":\"2026-01-02T03:04:05.678Z\","
                + "\"useCases\":{\"window\":\"last 1024 units of work of each use case\",\"items\":["
                + "{\"useCase\":\"list-articles\",\"count\":10,\"errors\":1,\"p50Ms\":1.5,\"p95Ms\":2.5,"
                + "\"p99Ms\":3.5,\"maxMs\":4.5,\"retryAmplification\":1.1,\"sinceStart\":12}]},"
                + "\"transactions\":{\"window\":\"since start\",\"committed\":9,\"rolledBack\":2,"
                + "\"commitOutcomeUnknown\":0},"
                + "\"retries\":{\"lastHour\":{\"window\":\"last hour\",\"byCause\":{\"busy\":1,\"deadlock\":2}},"
                + "\"sinceStart\":{\"window\":\"since start\",\"byCause\":{\"deadlock\":5}},"
                + "\"exhaustedLastHour\":{\"window\":\"last hour\",\"byCause\":{\"busy\":1}},"
                + "\"exhaustedSinceStart\":{\"window\":\"since start\",\"byCause\":{}},"
                + "\"amplification\":{\"window\":\"last 1024 units of work of each use case\",\"unitsOfWork\":10,"
                + "\"attempts\":11,\"ratio\":1.1}},"
                + "\"pool\":{\"window\":\"now\",\"size\":5,\"active\":2,\"idle\":3,\"pending\":1,"
                + "\"waitMs\":{\"window\":\"last 2048 connection acquisitions\",\"count\":20,\"p50Ms\":0.1,"
                + "\"p95Ms\":0.2,\"p99Ms\":0.3,\"maxMs\":0.4}},"
                + "\"statements\":{\"window\":\"last 4096 statements\",\"statements\":30,\"topByTotalTime\":["
                + "{\"sql\":\"SELECT ? FROM t WHERE id = ?\",\"count\":3,\"totalMs\":6.0,\"meanMs\":2.0,"
                + "\"maxMs\":3.0}]},"
                + "\"server\":{\"dialect\":\"sqlite\",\"reported\":false}}");
    }

    private static String json(Object body) {
        return new String(Json.write(body), StandardCharsets.UTF_8);
    }
}
