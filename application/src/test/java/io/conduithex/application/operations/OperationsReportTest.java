package io.conduithex.application.operations;

import static io.conduithex.domain.failure.TransientPersistenceException.Cause.BUSY;
import static io.conduithex.domain.failure.TransientPersistenceException.Cause.DEADLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.port.persistence.DatabaseDiagnostics;
import io.conduithex.domain.port.persistence.DatabaseTimings;
import io.conduithex.domain.port.persistence.PoolSnapshot;
import io.conduithex.domain.port.persistence.ReplicaOverview;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsReportTest {
    private static final PoolSnapshot.PoolConfiguration CONFIGURATION =
            new PoolSnapshot.PoolConfiguration("postgresql", 10, 5000, 1_800_000, 60_000, 10_000, 1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final RetryEvents retries = new RetryEvents(clock);
    private final FixedTimings timings = new FixedTimings();
    private PoolSnapshot pool = new PoolSnapshot(10, 2, 8, 0, CONFIGURATION);
    private final UseCaseTimings useCases = new UseCaseTimings();
    private final OperationsReport report = new OperationsReport(() -> pool, timings,
            new NoDiagnostics(), retries, ReplicaOverview.NONE, useCases, clock);

    /** A database with nothing to report. */
    private static final class NoDiagnostics implements DatabaseDiagnostics {
        @Override
        public Report run() {
            return new Report("postgresql", Map.of());
        }

        @Override
        public LatestDeadlock latestDeadlock() {
            return LatestDeadlock.notKept("not kept");
        }
    }

    @Test
    void aQuietDatabaseIsHealthyWithNothingToSay() {
        var health = report.health();

        assertThat(health.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(health.alerts()).isEmpty();
        assertThat(health.recommendations()).isEmpty();
        assertThat(health.timestamp()).isEqualTo(clock.instant());
        assertThat(health.pool().utilizationPercent()).isEqualTo(20.0);
    }

    @Test
    void theMetricsGatherEachUseCaseTheRetriesAndThePoolAndAmplifyByTheRetriedAttempts() {
        useCases.record("create-article", 2_000_000, false, 1);
        useCases.record("create-article", 6_000_000, false, 3);
        useCases.record("list-tags", 1_000_000, true, 1);
        retries.retried("create-article", DEADLOCK);

        var metrics = report.metrics();

        assertThat(metrics.timestamp()).isEqualTo(clock.instant());
        assertThat(metrics.useCaseWindow()).isEqualTo("last 1024 units of work of each use case");
        assertThat(metrics.useCases()).extracting(UseCaseLatency::useCase).containsExactly("create-article",
                "list-tags");
        assertThat(metrics.useCases().get(1).errors()).isEqualTo(1);
        assertThat(metrics.unitsOfWorkInWindow()).isEqualTo(3);
        assertThat(metrics.attemptsInWindow()).isEqualTo(5);
        assertThat(metrics.retryAmplification()).isEqualTo(1.667);
        assertThat(metrics.retries().retriesSinceStart()).containsEntry("deadlock", 1L);
        assertThat(metrics.retries().recent()).isEmpty();
        assertThat(metrics.pool()).isEqualTo(pool);
        assertThat(metrics.server().sections()).containsEntry("reported", false);
    }

    @Test
    void aPoolMoreThanEightyPercentLentOutIsDegraded() {
        pool = new PoolSnapshot(10, 9, 1, 0, CONFIGURATION);

        var health = report.health();

        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.alerts()).extracting(Finding::code).containsExactly("pool_utilization");
    }

    @Test
    void requestsWaitingForAnExhaustedPoolMakeItUnhealthy() {
        pool = new PoolSnapshot(10, 10, 0, 3, CONFIGURATION);

        var health = report.health();

        assertThat(health.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(health.alerts()).extracting(Finding::code).containsExactly("pool_exhausted", "pool_utilization");
    }

    @Test
    void retriesThatRanOutAreAnAlertAndDeadlocksARecommendation() {
        retries.retried("create-article", DEADLOCK);
        retries.exhausted("create-article", BUSY);

        var health = report.health();

        assertThat(health.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(health.alerts()).extracting(Finding::code).containsExactly("retries_exhausted");
        assertThat(health.recommendations()).extracting(Finding::code).containsExactly("deadlocks");
    }

    @Test
    void slowStatementsOfTheLastHourAreARecommendationAndOlderOnesAreNot() {
        timings.slow.add(new DatabaseTimings.SlowStatement(clock.instant(), 700, "SELECT 1"));
        assertThat(report.health().recommendations()).extracting(Finding::code).containsExactly("slow_statements");
        assertThat(report.health().slowStatementsLastHour()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(61));

        assertThat(report.health().recommendations()).isEmpty();
        assertThat(report.health().slowStatementsLastHour()).isZero();
        assertThat(report.health().status()).isEqualTo(HealthStatus.HEALTHY);
    }

    private static final class FixedTimings implements DatabaseTimings {
        final List<SlowStatement> slow = new ArrayList<>();

        @Override
        public Latency unitsOfWork() {
            return new Latency(3, 1, 2, 3);
        }

        @Override
        public Latency statements() {
            return Latency.NONE;
        }

        @Override
        public SlowStatements slowStatements() {
            return new SlowStatements(500, slow.size(), slow);
        }
    }
}
