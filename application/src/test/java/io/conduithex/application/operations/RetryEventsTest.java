package io.conduithex.application.operations;

import static io.conduithex.domain.failure.TransientPersistenceException.Cause.BUSY;
import static io.conduithex.domain.failure.TransientPersistenceException.Cause.DEADLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetryEventsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final RetryEvents events = new RetryEvents(clock);

    @Test
    void countsByCauseOverTheLastHourAndSinceStart() {
        events.retried("create-article", DEADLOCK);
        clock.advance(Duration.ofMinutes(61));
        events.retried("favorite-article", DEADLOCK);
        events.retried("register-user", BUSY);
        events.exhausted("register-user", DEADLOCK);

        var statistics = events.statistics(10);

        assertThat(statistics.retriesLastHour()).isEqualTo(Map.of("deadlock", 1L, "busy", 1L));
        assertThat(statistics.retriesSinceStart()).isEqualTo(Map.of("deadlock", 2L, "busy", 1L));
        assertThat(statistics.exhaustedLastHour()).isEqualTo(Map.of("deadlock", 1L));
        assertThat(statistics.deadlocksLastHour()).isEqualTo(2);
        assertThat(statistics.deadlocksSinceStart()).isEqualTo(3);
    }

    @Test
    void listsTheNewestEventsFirstWithTheirUseCases() {
        events.retried("create-article", DEADLOCK);
        clock.advance(Duration.ofSeconds(1));
        events.exhausted("update-user", BUSY);

        var recent = events.statistics(1).recent();

        assertThat(recent).containsExactly(
                new RetryEvent(Instant.parse("2026-01-01T10:00:01Z"), "update-user", "busy", true));
    }

    @Test
    void keepsABoundedNumberOfEventsButCountsEverySinceStart() {
        var bounded = new RetryEvents(clock, 3);
        for (int i = 0; i < 10; i++) {
            bounded.retried("use-case-" + i, DEADLOCK);
        }

        var statistics = bounded.statistics(100);

        assertThat(statistics.recent()).extracting(RetryEvent::useCase)
                .containsExactly("use-case-9", "use-case-8", "use-case-7");
        assertThat(statistics.retriesSinceStart()).isEqualTo(Map.of("deadlock", 10L));
        assertThat(statistics.retriesLastHour()).isEqualTo(Map.of("deadlock", 3L));
    }

    @Test
    void losesNoEventRecordedFromManyThreadsAtOnce() throws Exception {
        int threads = 8;
        int perThread = 500;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        events.retried("concurrent", BUSY);
                    }
                    return null;
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(events.statistics(0).retriesSinceStart()).isEqualTo(Map.of("busy", (long) threads * perThread));
    }
}
