package io.conduithex.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.conduithex.application.health.HealthCheck.Result;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class HealthChecksTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void theReportIsUpOnlyWhenEveryCheckIsUpAndKeepsTheirOrderAndDetails() {
        var checks = checks(new Scripted("database", () -> Result.up(null)),
                new Scripted("pool", () -> Result.down("exhausted")));

        var report = checks.report();

        assertThat(report.up()).isFalse();
        assertThat(report.checks().keySet()).containsExactly("database", "pool");
        assertThat(report.checks().get("database").up()).isTrue();
        assertThat(report.checks().get("pool").detail()).isEqualTo("exhausted");
    }

    @Test
    void aReportIsServedAgainWithinTheMaximumAgeSoProbesCannotLoadTheDatabase() {
        var ping = new Scripted("database", () -> Result.up(null));
        var checks = checks(ping);

        for (int probe = 0; probe < 100; probe++) {
            checks.report();
            clock.addAndGet(Duration.ofMillis(9).toNanos());
        }

        assertThat(ping.calls).hasValue(1);
    }

    @Test
    void onceTheMaximumAgeHasPassedTheChecksRunAgainAndSeeTheChange() {
        var up = new java.util.concurrent.atomic.AtomicBoolean(true);
        var checks = checks(new Scripted("database", () -> up.get() ? Result.up(null) : Result.down("refused")));
        assertThat(checks.report().up()).isTrue();

        up.set(false);
        clock.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(checks.report().up()).as("still the cached report").isTrue();
        clock.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(checks.report().up()).isFalse();
    }

    @Test
    void aCheckThatThrowsIsDownAndTheOthersStillRun() {
        var pool = new Scripted("pool", () -> Result.up("fine"));
        var checks = checks(new Scripted("database", () -> {
            throw new IllegalStateException("boom");
        }), pool);

        var report = checks.report();

        assertThat(report.checks().get("database").up()).isFalse();
        assertThat(report.checks().get("database").detail()).contains("IllegalStateException");
        assertThat(pool.calls).hasValue(1);
    }

    @Test
    void eachCheckReportsHowLongItTook() {
        var checks = checks(new Scripted("database", () -> {
            clock.addAndGet(Duration.ofMillis(42).toNanos());
            return Result.up(null);
        }));

        assertThat(checks.report().checks().get("database").latencyMillis()).isEqualTo(42);
    }

    @Test
    void withoutChecksTheReportIsUp() {
        assertThat(checks().report().up()).isTrue();
    }

    private HealthChecks checks(HealthCheck... checks) {
        return new HealthChecks(List.of(checks), Duration.ofSeconds(1), clock::get);
    }

    private static final class Scripted implements HealthCheck {
        private final String name;
        private final Supplier<Result> result;
        final AtomicInteger calls = new AtomicInteger();

        Scripted(String name, Supplier<Result> result) {
            this.name = name;
            this.result = result;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Result check() {
            calls.incrementAndGet();
            return result.get();
        }
    }
}
