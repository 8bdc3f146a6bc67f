package io.conduithex.adapter.web;

import io.conduithex.application.operations.DatabaseHealth;
import io.conduithex.application.operations.Finding;
import io.conduithex.application.operations.RetryEvent;
import io.conduithex.application.operations.RetryStatistics;
import io.conduithex.domain.port.persistence.DatabaseDiagnostics;
import io.conduithex.domain.port.persistence.DatabaseTimings.Latency;
import io.conduithex.domain.port.persistence.DatabaseTimings.SlowStatement;
import io.conduithex.domain.port.persistence.PoolSnapshot;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The admin API's response bodies; the dashboard reads these names. */
final class AdminJson {
    private AdminJson() {
    }

    static Map<String, Object> health(DatabaseHealth health) {
        Map<String, Object> slow = new LinkedHashMap<>();
        slow.put("thresholdMs", health.slowStatements().thresholdMs());
        slow.put("total", health.slowStatements().total());
        slow.put("lastHour", health.slowStatementsLastHour());
        slow.put("recent", health.slowStatements().recent().stream().map(AdminJson::slowStatement).toList());
        Map<String, Object> performance = new LinkedHashMap<>();
        performance.put("unitOfWork", latency(health.unitsOfWork()));
        performance.put("statements", latency(health.statements()));
        performance.put("slowStatements", slow);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", health.status().name().toLowerCase(Locale.ROOT));
        body.put("timestamp", health.timestamp());
        body.put("pool", poolFigures(health.pool()));
        body.put("performance", performance);
        body.put("reliability", reliability(health.retries()));
        body.put("recommendations", findings(health.recommendations()));
        body.put("alerts", findings(health.alerts()));
        return body;
    }

    static Map<String, Object> connectionPool(PoolSnapshot pool, Instant now) {
        var config = pool.configuration();
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("dialect", config.dialect());
        configuration.put("maximumPoolSize", config.maximumSize());
        configuration.put("connectionTimeoutMs", config.connectionTimeoutMs());
        configuration.put("maxLifetimeMs", config.maxLifetimeMs());
        configuration.put("leakDetectionThresholdMs", config.leakDetectionMs());
        configuration.put("statementTimeoutMs", config.statementTimeoutMs());
        configuration.put("instances", config.instances());
        configuration.put("poolBudget", config.maximumSize() * config.instances());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", now);
        body.putAll(poolFigures(pool));
        body.put("configuration", configuration);
        return body;
    }

    static Map<String, Object> deadlocks(RetryStatistics retries, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", now);
        body.put("deadlocks", window(retries.deadlocksLastHour(), retries.deadlocksSinceStart()));
        body.put("retries", window(retries.retriesLastHour(), retries.retriesSinceStart()));
        body.put("exhausted", window(retries.exhaustedLastHour(), retries.exhaustedSinceStart()));
        body.put("recent", retries.recent().stream().map(AdminJson::event).toList());
        return body;
    }

    static Map<String, Object> diagnostics(DatabaseDiagnostics.Report report, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", now);
        body.put("dialect", report.dialect());
        body.putAll(report.sections());
        return body;
    }

    private static Map<String, Object> poolFigures(PoolSnapshot pool) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("size", pool.maximum());
        figures.put("active", pool.active());
        figures.put("idle", pool.idle());
        figures.put("waiting", pool.waiting());
        figures.put("utilizationPercent", pool.utilizationPercent());
        return figures;
    }

    private static Map<String, Object> reliability(RetryStatistics retries) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("retries", window(retries.retriesLastHour(), retries.retriesSinceStart()));
        body.put("deadlocks", window(retries.deadlocksLastHour(), retries.deadlocksSinceStart()));
        body.put("exhausted", window(retries.exhaustedLastHour(), retries.exhaustedSinceStart()));
        return body;
    }

    /** Figures over the last hour and since start, in that order. */
    private static Map<String, Object> window(Object lastHour, Object sinceStart) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lastHour", lastHour);
        body.put("sinceStart", sinceStart);
        return body;
    }

    private static Map<String, Object> latency(Latency latency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", latency.count());
        body.put("p50Ms", latency.p50Ms());
        body.put("p95Ms", latency.p95Ms());
        body.put("p99Ms", latency.p99Ms());
        return body;
    }

    private static Map<String, Object> slowStatement(SlowStatement statement) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", statement.at());
        body.put("durationMs", statement.durationMs());
        body.put("sql", statement.sql());
        return body;
    }

    private static Map<String, Object> event(RetryEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", event.at());
        body.put("useCase", event.useCase());
        body.put("cause", event.cause());
        body.put("outcome", event.exhausted() ? "gave_up" : "retried");
        return body;
    }

    private static List<Map<String, Object>> findings(List<Finding> findings) {
        return findings.stream().map(finding -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", finding.code());
            body.put("severity", finding.severity().name().toLowerCase(Locale.ROOT));
            body.put("message", finding.message());
            return body;
        }).toList();
    }
}
