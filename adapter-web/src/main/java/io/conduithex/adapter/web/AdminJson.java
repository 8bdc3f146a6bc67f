package io.conduithex.adapter.web;

import io.conduithex.domain.audit.AuditEvent;
import io.conduithex.domain.user.UserId;
import java.util.Optional;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.conduithex.adapter.web.cache.ReadCacheReport;
import io.conduithex.application.operations.DatabaseHealth;
import io.conduithex.application.operations.DatabaseMetrics;
import io.conduithex.application.operations.UseCaseLatency;
import io.conduithex.domain.port.persistence.DatabaseTimings.Distribution;
import io.conduithex.domain.port.persistence.DatabaseTimings.StatementTotal;
import io.conduithex.application.operations.Finding;
import io.conduithex.application.operations.RetryEvent;
import io.conduithex.application.operations.RetryStatistics;
import io.conduithex.domain.port.persistence.DatabaseDiagnostics;
import io.conduithex.domain.port.persistence.DatabaseTimings.Latency;
import io.conduithex.domain.port.persistence.DatabaseTimings.SlowStatement;
import io.conduithex.domain.port.persistence.PoolSnapshot;
import io.conduithex.domain.port.persistence.ReplicaOverview;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin API's response bodies; the dashboard reads these names. Each JSON object is a record whose
 * components are its fields, in order (as in {@link Responses}); the diagnostics report alone is open-ended.
 */
final class AdminJson {
    private AdminJson() {
    }

    static HealthJson health(DatabaseHealth health) {
        var slow = health.slowStatements();
        return new HealthJson(health.status().name().toLowerCase(Locale.ROOT), health.timestamp(),
                PoolFigures.of(health.pool()),
                new Performance(LatencyJson.of(health.unitsOfWork()), LatencyJson.of(health.statements()),
                        new SlowStatements(slow.thresholdMs(), slow.total(), health.slowStatementsLastHour(),
                                slow.recent().stream().map(SlowStatementJson::of).toList())),
                new Reliability(Window.retries(health.retries()), Window.deadlocks(health.retries()),
                        Window.exhausted(health.retries())),
                findings(health.recommendations()), findings(health.alerts()));
    }

    /** The detailed performance figures; every group names the window its figures were taken over. */
    static MetricsJson metrics(DatabaseMetrics metrics) {
        var retries = metrics.retries();
        var pool = PoolFigures.of(metrics.pool());
        var statements = metrics.statements();
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("dialect", metrics.server().dialect());
        server.putAll(metrics.server().sections());
        return new MetricsJson(metrics.timestamp(),
                new UseCasesJson(metrics.useCaseWindow(), metrics.useCases().stream().map(UseCaseJson::of).toList()),
                new TransactionsJson("since start", metrics.transactionsSinceStart().getOrDefault("commit", 0L),
                        metrics.transactionsSinceStart().getOrDefault("rollback", 0L),
                        metrics.transactionsSinceStart().getOrDefault("commit_lost", 0L)),
                new RetriesJson(new ByCauseJson("last hour", retries.retriesLastHour()),
                        new ByCauseJson("since start", retries.retriesSinceStart()),
                        new ByCauseJson("last hour", retries.exhaustedLastHour()),
                        new ByCauseJson("since start", retries.exhaustedSinceStart()),
                        new AmplificationJson(metrics.useCaseWindow(), metrics.unitsOfWorkInWindow(),
                                metrics.attemptsInWindow(), metrics.retryAmplification())),
                new PoolMetricsJson("now", pool.size(), pool.active(), pool.idle(), pool.waiting(),
                        DistributionJson.of(metrics.connectionWaits())),
                new StatementsJson(statements.window(), statements.statements(),
                        statements.top().stream().map(StatementJson::of).toList()),
                server);
    }

    record MetricsJson(Instant timestamp, UseCasesJson useCases, TransactionsJson transactions, RetriesJson retries,
                       PoolMetricsJson pool, StatementsJson statements, Map<String, Object> server) {
    }

    record UseCasesJson(String window, List<UseCaseJson> items) {
    }

    /** {@code count}, {@code errors} and the durations over the window; {@code sinceStart} counts every one. */
    record UseCaseJson(String useCase, long count, long errors, double p50Ms, double p95Ms, double p99Ms,
                       double maxMs, double retryAmplification, long sinceStart) {
        static UseCaseJson of(UseCaseLatency latency) {
            return new UseCaseJson(latency.useCase(), latency.count(), latency.errors(), latency.p50Ms(),
                    latency.p95Ms(), latency.p99Ms(), latency.maxMs(), latency.retryAmplification(),
                    latency.sinceStart());
        }
    }

    /** Database transactions, one per attempt: a retried unit of work counts a rollback and then a commit. */
    record TransactionsJson(String window, long committed, long rolledBack, long commitOutcomeUnknown) {
    }

    record RetriesJson(ByCauseJson lastHour, ByCauseJson sinceStart, ByCauseJson exhaustedLastHour,
                       ByCauseJson exhaustedSinceStart, AmplificationJson amplification) {
    }

    record ByCauseJson(String window, Map<String, Long> byCause) {
    }

    /** {@code ratio}: attempts per unit of work; 1.0 when nothing was retried. */
    record AmplificationJson(String window, long unitsOfWork, long attempts, double ratio) {
    }

    record PoolMetricsJson(String window, int size, int active, int idle, int pending, DistributionJson waitMs) {
    }

    record DistributionJson(String window, long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
        static DistributionJson of(Distribution distribution) {
            return new DistributionJson(distribution.window(), distribution.count(), distribution.p50Ms(),
                    distribution.p95Ms(), distribution.p99Ms(), distribution.maxMs());
        }
    }

    record StatementsJson(String window, long statements, List<StatementJson> topByTotalTime) {
    }

    record StatementJson(String sql, long count, double totalMs, double meanMs, double maxMs) {
        static StatementJson of(StatementTotal total) {
            return new StatementJson(total.sql(), total.count(), total.totalMs(), total.meanMs(), total.maxMs());
        }
    }

    static ConnectionPoolJson connectionPool(PoolSnapshot pool, Instant now) {
        var config = pool.configuration();
        var figures = PoolFigures.of(pool);
        return new ConnectionPoolJson(now, figures.size(), figures.active(), figures.idle(), figures.waiting(),
                figures.utilizationPercent(), new PoolConfigurationJson(config.dialect(), config.maximumSize(),
                        config.connectionTimeoutMs(), config.maxLifetimeMs(), config.leakDetectionMs(),
                        config.statementTimeoutMs(), config.instances(), config.maximumSize() * config.instances()));
    }

    static DeadlocksJson deadlocks(RetryStatistics retries, DatabaseDiagnostics.LatestDeadlock latest, Instant now) {
        return new DeadlocksJson(now, Window.deadlocks(retries), Window.retries(retries), Window.exhausted(retries),
                retries.recent().stream().map(EventJson::of).toList(), new LatestDeadlockJson(latest.reported(),
                        latest.detected().orElse(null), latest.text().orElse(null), latest.note()));
    }

    static ReplicasJson replicas(ReplicaOverview.Report report, Instant now) {
        return new ReplicasJson(now, report.replicas().stream().map(ReplicaJson::of).toList(), report.fallbacks(),
                report.fallbacksRefused());
    }

    /** A page of the audit trail, newest first, and the cursor of the next page (null after the last). */
    static AuditPageJson audit(List<AuditEvent> page, Optional<String> next, Instant now) {
        return new AuditPageJson(now, page.stream().map(event -> new AuditEventJson(event.id(), event.occurredAt(),
                event.actor().map(UserId::value).orElse(null), event.action().code(), event.entityType().code(),
                event.entityId(), event.requestId().orElse(null), event.changedFields())).toList(),
                next.orElse(null));
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AuditPageJson(Instant timestamp, List<AuditEventJson> events, String next) {
    }

    /** {@code actor} is null for an anonymous caller (a registration). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AuditEventJson(long id, Instant occurredAt, Long actor, String action, String entityType, String entityId,
                          String requestId, List<String> changedFields) {
    }

    static ReadCacheJson readCache(ReadCacheReport report, Instant now) {
        var feed = report.feed();
        double lookups = report.hits() + report.misses();
        return new ReadCacheJson(now, report.enabled(), report.maxStalenessMs(), report.maxBytes(), report.entries(),
                report.bytes(), report.hits(), report.misses(), lookups == 0 ? 0 : report.hits() / lookups,
                report.evictions(), report.invalidations(), report.discarded(),
                new FeedJson(feed.kind(), feed.inTouch(), feed.connections(), Math.max(0, feed.connections() - 1),
                        feed.lastConnected().orElse(null), feed.lastLost().orElse(null),
                        feed.lastProblem().orElse(null)));
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ReadCacheJson(Instant timestamp, boolean enabled, long maxStalenessMs, long maxBytes, long entries,
                         long bytes, long hits, long misses, double hitRatio, long evictions,
                         Map<String, Long> invalidations, long discarded, FeedJson feed) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record FeedJson(String kind, boolean connected, long connections, long reconnects, Instant lastConnectedAt,
                    Instant lastLostAt, String lastProblem) {
    }

    record ReplicasJson(Instant timestamp, List<ReplicaJson> replicas, Map<String, Long> fallbacks,
                        long fallbacksRefused) {
    }

    record ReplicaJson(String name, String url, String state, long lagBytes, long lagMs, String replayed,
                       int poolActive, int poolIdle, int poolSize, long readsServed, String problem) {
        static ReplicaJson of(ReplicaOverview.Replica replica) {
            return new ReplicaJson(replica.name(), replica.url(), replica.state(), replica.lagBytes(),
                    replica.lagMillis(), replica.replayed().orElse(null), replica.poolActive(), replica.poolIdle(),
                    replica.poolMaximum(), replica.readsServed(), replica.problem().orElse(null));
        }
    }

    static Map<String, Object> diagnostics(DatabaseDiagnostics.Report report, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", now);
        body.put("dialect", report.dialect());
        body.putAll(report.sections());
        return body;
    }

    private static List<FindingJson> findings(List<Finding> findings) {
        return findings.stream().map(FindingJson::of).toList();
    }

    record HealthJson(String status, Instant timestamp, PoolFigures pool, Performance performance,
                      Reliability reliability, List<FindingJson> recommendations, List<FindingJson> alerts) {
    }

    record PoolFigures(int size, int active, int idle, int waiting, double utilizationPercent) {
        static PoolFigures of(PoolSnapshot pool) {
            return new PoolFigures(pool.maximum(), pool.active(), pool.idle(), pool.waiting(),
                    pool.utilizationPercent());
        }
    }

    record Performance(LatencyJson unitOfWork, LatencyJson statements, SlowStatements slowStatements) {
    }

    record LatencyJson(long count, double p50Ms, double p95Ms, double p99Ms) {
        static LatencyJson of(Latency latency) {
            return new LatencyJson(latency.count(), latency.p50Ms(), latency.p95Ms(), latency.p99Ms());
        }
    }

    record SlowStatements(long thresholdMs, long total, long lastHour, List<SlowStatementJson> recent) {
    }

    record SlowStatementJson(Instant at, double durationMs, String sql) {
        static SlowStatementJson of(SlowStatement statement) {
            return new SlowStatementJson(statement.at(), statement.durationMs(), statement.sql());
        }
    }

    record Reliability(Window retries, Window deadlocks, Window exhausted) {
    }

    /** Figures over the last hour and since start, in that order: counts by cause, or one total. */
    record Window(Object lastHour, Object sinceStart) {
        static Window retries(RetryStatistics retries) {
            return new Window(retries.retriesLastHour(), retries.retriesSinceStart());
        }

        static Window deadlocks(RetryStatistics retries) {
            return new Window(retries.deadlocksLastHour(), retries.deadlocksSinceStart());
        }

        static Window exhausted(RetryStatistics retries) {
            return new Window(retries.exhaustedLastHour(), retries.exhaustedSinceStart());
        }
    }

    record FindingJson(String code, String severity, String message) {
        static FindingJson of(Finding finding) {
            return new FindingJson(finding.code(), finding.severity().name().toLowerCase(Locale.ROOT),
                    finding.message());
        }
    }

    record ConnectionPoolJson(Instant timestamp, int size, int active, int idle, int waiting,
                              double utilizationPercent, PoolConfigurationJson configuration) {
    }

    record PoolConfigurationJson(String dialect, int maximumPoolSize, long connectionTimeoutMs, long maxLifetimeMs,
                                 long leakDetectionThresholdMs, long statementTimeoutMs, int instances,
                                 int poolBudget) {
    }

    /** {@code latestReported}: the database's own report of its latest deadlock, or why there is none. */
    record DeadlocksJson(Instant timestamp, Window deadlocks, Window retries, Window exhausted,
                         List<EventJson> recent, LatestDeadlockJson latestReported) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LatestDeadlockJson(boolean reported, String detected, String text, String note) {
    }

    record EventJson(Instant at, String useCase, String cause, String outcome) {
        static EventJson of(RetryEvent event) {
            return new EventJson(event.at(), event.useCase(), event.cause(), event.exhausted() ? "gave_up" : "retried");
        }
    }
}
