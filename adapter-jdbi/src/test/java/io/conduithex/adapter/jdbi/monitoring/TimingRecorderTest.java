package io.conduithex.adapter.jdbi.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.domain.port.persistence.DatabaseTimings.Latency;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimingRecorderTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final long MS = 1_000_000;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TimingRecorder recorder =
            new TimingRecorder(Duration.ofMillis(100), meters, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void percentilesFollowTheRecordedDurations() {
        for (int ms = 1; ms <= 100; ms++) {
            recorder.recordTransaction(ms * MS);
        }

        assertThat(recorder.unitsOfWork()).isEqualTo(new Latency(100, 50, 95, 99));
        assertThat(recorder.statements()).isEqualTo(Latency.NONE);
    }

    @Test
    void percentilesCoverOnlyTheMostRecentWindowWhileTheCountCoversEverything() {
        for (int i = 0; i < TimingRecorder.WINDOW; i++) {
            recorder.recordStatement(500 * MS, "SELECT old");
        }
        for (int i = 0; i < TimingRecorder.WINDOW; i++) {
            recorder.recordStatement(2 * MS, "SELECT new");
        }

        Latency latency = recorder.statements();
        assertThat(latency.count()).isEqualTo(2L * TimingRecorder.WINDOW);
        assertThat(latency.p99Ms()).isEqualTo(2.0);
    }

    @Test
    void aStatementOverTheThresholdIsCountedAndKeptWithItsTextAndDuration() {
        recorder.recordStatement(100 * MS, "SELECT at_the_threshold");
        recorder.recordStatement(250 * MS, "SELECT *\n  FROM users\n WHERE email = ?");

        var slow = recorder.slowStatements();
        assertThat(slow.thresholdMs()).isEqualTo(100);
        assertThat(slow.total()).isEqualTo(1);
        assertThat(slow.recent()).singleElement().satisfies(statement -> {
            assertThat(statement.sql()).isEqualTo("SELECT * FROM users WHERE email = ?");
            assertThat(statement.durationMs()).isEqualTo(250.0);
            assertThat(statement.at()).isEqualTo(NOW);
        });
        assertThat(meters.get(TimingRecorder.SLOW_STATEMENTS).counter().count()).isEqualTo(1.0);
    }

    @Test
    void keepsABoundedListOfTheNewestSlowStatementsAndCountsThemAll() {
        for (int i = 0; i < TimingRecorder.SLOW_STATEMENTS_KEPT + 5; i++) {
            recorder.recordStatement(200 * MS, "SELECT " + i);
        }

        var slow = recorder.slowStatements();
        assertThat(slow.total()).isEqualTo(TimingRecorder.SLOW_STATEMENTS_KEPT + 5);
        assertThat(slow.recent()).hasSize(TimingRecorder.SLOW_STATEMENTS_KEPT);
        assertThat(slow.recent().get(0).sql()).isEqualTo("SELECT " + (TimingRecorder.SLOW_STATEMENTS_KEPT + 4));
    }

    @Test
    void veryLongStatementTextIsCut() {
        recorder.recordStatement(200 * MS, "SELECT " + "x".repeat(5000));

        assertThat(recorder.slowStatements().recent().get(0).sql())
                .hasSize(TimingRecorder.MAX_SQL_CHARS + 3).endsWith("...");
    }
}
