package io.conduithex.application.operations;

import io.conduithex.domain.port.persistence.ConnectionPoolMonitor;
import io.conduithex.domain.port.persistence.DatabaseDiagnostics;
import io.conduithex.domain.port.persistence.DatabaseTimings;
import io.conduithex.domain.port.persistence.PoolSnapshot;
import io.conduithex.domain.port.persistence.ReplicaOverview;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What operators ask about the database layer: its health with the alerts and recommendations it calls for,
 * the pool, the retries and deadlocks, and diagnostics from the database itself. Reads recorders and the
 * database; changes nothing. Thread-safe.
 */
@Singleton
public final class OperationsReport {
    /** How many recent retry events the deadlock report lists. */
    public static final int RECENT_EVENTS = 50;
    /** How many statements the metrics list, the most total time first. */
    public static final int TOP_STATEMENTS = 10;

    private final ConnectionPoolMonitor pool;
    private final DatabaseTimings timings;
    private final DatabaseDiagnostics diagnostics;
    private final RetryEvents retries;
    private final ReplicaOverview replicas;
    private final UseCaseTimings useCases;
    private final Clock clock;

    /** A report whose per-use-case timings nobody records; for tests. */
    public OperationsReport(ConnectionPoolMonitor pool, DatabaseTimings timings, DatabaseDiagnostics diagnostics,
                            RetryEvents retries, ReplicaOverview replicas, Clock clock) {
        this(pool, timings, diagnostics, retries, replicas, new UseCaseTimings(), clock);
    }

    @Inject
    public OperationsReport(ConnectionPoolMonitor pool, DatabaseTimings timings, DatabaseDiagnostics diagnostics,
                            RetryEvents retries, ReplicaOverview replicas, UseCaseTimings useCases, Clock clock) {
        this.useCases = useCases;
        this.pool = pool;
        this.timings = timings;
        this.diagnostics = diagnostics;
        this.retries = retries;
        this.replicas = replicas;
        this.clock = clock;
    }

    public DatabaseHealth health() {
        Instant now = clock.instant();
        PoolSnapshot snapshot = pool.pool();
        RetryStatistics retryStatistics = retries.statistics(RECENT_EVENTS);
        var slow = timings.slowStatements();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        long slowLastHour = slow.recent().stream().filter(statement -> !statement.at().isBefore(hourAgo)).count();
        var alerts = HealthRules.alerts(snapshot, retryStatistics);
        var recommendations = HealthRules.recommendations(retryStatistics, slowLastHour, slow.thresholdMs());
        return new DatabaseHealth(HealthStatus.from(alerts), now, snapshot, timings.unitsOfWork(),
                timings.statements(), slow, slowLastHour, retryStatistics, recommendations, alerts);
    }

    /**
     * The detailed performance figures: per use case, transactions, retries, pool waits, the statements with the
     * most total time, and the server's own statistics. Queries the database for the last.
     */
    public DatabaseMetrics metrics() {
        return new DatabaseMetrics(clock.instant(), UseCaseTimings.window(), useCases.snapshot(),
                timings.transactionsSinceStart(), retries.statistics(0), pool.pool(), timings.connectionWaits(),
                timings.statementTotals(TOP_STATEMENTS), diagnostics.serverStatistics());
    }

    public PoolSnapshot pool() {
        return pool.pool();
    }

    public RetryStatistics retries() {
        return retries.statistics(RECENT_EVENTS);
    }

    /** The read replicas as their last checks saw them; none when there are none. */
    public ReplicaOverview.Report replicas() {
        return replicas.report();
    }

    /** Queries the database; may take up to the statement timeout. */
    public DatabaseDiagnostics.Report diagnostics() {
        return diagnostics.run();
    }

    /** The database's own report of its latest deadlock, where it keeps one; may ask the database. */
    public DatabaseDiagnostics.LatestDeadlock latestDeadlock() {
        return diagnostics.latestDeadlock();
    }
}
