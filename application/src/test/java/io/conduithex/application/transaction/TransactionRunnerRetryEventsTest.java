package io.conduithex.application.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.application.fakes.FakeUnitOfWork;
import io.conduithex.application.fakes.FastRetries;
import io.conduithex.application.operations.RetryEvent;
import io.conduithex.application.operations.RetryEvents;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner tells the operators' recorder about every retry and every unit of work it gives up. */
class TransactionRunnerRetryEventsTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private final RetryEvents events = new RetryEvents(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void eachRetryIsRecordedWithItsUseCaseAndCause() {
        var uow = FakeUnitOfWork.withoutTransaction()
                .failAttempt(1, transient_(Cause.DEADLOCK))
                .failAttempt(2, transient_(Cause.BUSY));

        runner(uow, 3).write("favorite-article", tx -> "done");

        var statistics = events.statistics(10);
        assertThat(statistics.retriesSinceStart()).isEqualTo(Map.of("deadlock", 1L, "busy", 1L));
        assertThat(statistics.recent()).containsExactly(
                new RetryEvent(NOW, "favorite-article", "busy", false),
                new RetryEvent(NOW, "favorite-article", "deadlock", false));
        assertThat(statistics.exhaustedSinceStart()).isEmpty();
    }

    @Test
    void aUnitOfWorkGivenUpIsRecordedWithTheCauseOfItsLastFailure() {
        var uow = FakeUnitOfWork.withoutTransaction()
                .failAttempt(1, transient_(Cause.DEADLOCK))
                .failAttempt(2, transient_(Cause.SERIALIZATION_FAILURE));

        assertThatThrownBy(() -> runner(uow, 1).write("create-article", tx -> "never"))
                .isInstanceOf(TransientPersistenceException.class);

        var statistics = events.statistics(10);
        assertThat(statistics.retriesSinceStart()).isEqualTo(Map.of("deadlock", 1L));
        assertThat(statistics.exhaustedSinceStart()).isEqualTo(Map.of("serialization_failure", 1L));
        assertThat(statistics.recent().get(0)).isEqualTo(
                new RetryEvent(NOW, "create-article", "serialization_failure", true));
    }

    private TransactionRunner runner(FakeUnitOfWork uow, int maxRetries) {
        return new TransactionRunner(uow, FastRetries.SETTINGS.withMaxRetries(maxRetries), new SimpleMeterRegistry(),
                events);
    }

    private static TransientPersistenceException transient_(Cause cause) {
        return new TransientPersistenceException(cause, "simulated " + cause, null);
    }
}
