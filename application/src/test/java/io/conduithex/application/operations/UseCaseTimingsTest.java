package io.conduithex.application.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UseCaseTimingsTest {
    private static final long MS = 1_000_000;

    private final UseCaseTimings timings = new UseCaseTimings();

    @Test
    void eachUseCaseHasItsCountErrorsPercentilesMaximumAndAttempts() {
        for (int ms = 1; ms <= 100; ms++) {
            timings.record("list-articles", ms * MS, ms % 10 == 0, ms == 100 ? 3 : 1);
        }
        timings.record("register-user", 4 * MS, false, 1);

        assertThat(timings.snapshot()).containsExactly(
                new UseCaseLatency("list-articles", 100, 100, 10, 102, 50, 95, 99, 100),
                new UseCaseLatency("register-user", 1, 1, 0, 1, 4, 4, 4, 4));
        assertThat(timings.snapshot().get(0).retryAmplification()).isEqualTo(1.02);
    }

    @Test
    void theWindowKeepsEachUseCasesMostRecentUnitsOfWork() {
        timings.record("list-tags", 500 * MS, true, 2);
        for (int i = 0; i < UseCaseTimings.WINDOW; i++) {
            timings.record("list-tags", MS, false, 1);
        }

        var tags = timings.snapshot().get(0);
        assertThat(tags.sinceStart()).isEqualTo(UseCaseTimings.WINDOW + 1);
        assertThat(tags.count()).isEqualTo(UseCaseTimings.WINDOW);
        assertThat(tags.errors()).isZero();
        assertThat(tags.maxMs()).isEqualTo(1);
        assertThat(tags.retryAmplification()).isEqualTo(1.0);
        assertThat(UseCaseTimings.window()).isEqualTo("last 1024 units of work of each use case");
    }

    @Test
    void useCaseNamesBeyondTheBoundAreNotKept() {
        for (int i = 0; i < UseCaseTimings.MAX_USE_CASES + 5; i++) {
            timings.record("use-case-" + i, MS, false, 1);
        }

        assertThat(timings.snapshot()).hasSize(UseCaseTimings.MAX_USE_CASES);
    }
}
