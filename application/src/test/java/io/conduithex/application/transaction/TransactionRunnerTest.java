package io.conduithex.application.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.application.fakes.FakeUnitOfWork;
import io.conduithex.application.fakes.FastRetries;
import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.failure.ConstraintViolationException;
import io.conduithex.domain.failure.DatabaseUnavailableException;
import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.failure.QueryTimeoutException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.conduithex.domain.failure.UnexpectedPersistenceException;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TransactionRunnerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void successfulWorkRunsOnceAndReturnsItsResult() {
        var uow = FakeUnitOfWork.withoutTransaction();
        var runner = runnerOver(uow);

        String result = runner.write("register-user", tx -> {
            runs.incrementAndGet();
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(1);
        assertThat(uow.begun()).containsExactly(TransactionSpec.readWrite("register-user"));
        assertThat(meters.find(UnitOfWorkMeters.RETRIES).counter()).isNull();
    }

    @Test
    void readWorkRunsInAReadOnlyTransactionNamedAfterTheUseCase() {
        var uow = FakeUnitOfWork.withoutTransaction();

        runnerOver(uow).read("get-profile", tx -> null);

        assertThat(uow.begun()).containsExactly(TransactionSpec.readOnly("get-profile"));
    }

    @Test
    void aTransientFailureIsRetriedAndThenSucceeds() {
        var uow = FakeUnitOfWork.withoutTransaction().failAttempt(1, transient_(Cause.DEADLOCK));

        String result = runnerOver(uow).write("follow-user", tx -> {
            runs.incrementAndGet();
            return "followed";
        });

        assertThat(result).isEqualTo("followed");
        assertThat(uow.attempts()).isEqualTo(2);
        assertThat(runs).hasValue(2);
    }

    @Test
    void eachRetryIsCountedByUseCaseAndCause() {
        var uow = FakeUnitOfWork.withoutTransaction()
                .failAttempt(1, transient_(Cause.DEADLOCK))
                .failAttempt(2, transient_(Cause.SERIALIZATION_FAILURE))
                .failAttempt(3, transient_(Cause.DEADLOCK));

        runnerOver(uow).write("follow-user", tx -> "followed");

        assertThat(uow.attempts()).isEqualTo(4);
        assertThat(retries("follow-user", "deadlock")).isEqualTo(2.0);
        assertThat(retries("follow-user", "serialization_failure")).isEqualTo(1.0);
        assertThat(meters.find(UnitOfWorkMeters.RETRIES).tag("use_case", "other").counter()).isNull();
    }

    @Test
    void aTransientFailureThrownByTheWorkItselfIsRetriedToo() {
        var uow = FakeUnitOfWork.withoutTransaction();

        String result = runnerOver(uow).write("update-user", tx -> {
            if (runs.incrementAndGet() == 1) {
                throw transient_(Cause.BUSY);
            }
            return "updated";
        });

        assertThat(result).isEqualTo("updated");
        assertThat(runs).hasValue(2);
        assertThat(retries("update-user", "busy")).isEqualTo(1.0);
    }

    static Stream<RuntimeException> nonTransientFailures() {
        return Stream.of(
                new ConstraintViolationException(ConstraintViolationException.Kind.UNIQUE, "users_email_key",
                        "users", "email", "duplicate", null),
                new DatabaseUnavailableException(DatabaseUnavailableException.Reason.POOL_EXHAUSTED, "pool", null),
                new CommitOutcomeUnknownException("connection lost during commit", null),
                new QueryTimeoutException("statement timeout", null),
                new UnexpectedPersistenceException("syntax error", null),
                new NotFoundException("profile"),
                new IllegalStateException("a bug"));
    }

    @ParameterizedTest
    @MethodSource("nonTransientFailures")
    void aFailureThatIsNotTransientIsNeverRetried(RuntimeException failure) {
        var uow = FakeUnitOfWork.withoutTransaction();

        assertThatThrownBy(() -> runnerOver(uow).write("register-user", tx -> {
            runs.incrementAndGet();
            throw failure;
        })).isSameAs(failure);

        assertThat(runs).hasValue(1);
        assertThat(uow.attempts()).isEqualTo(1);
        assertThat(meters.find(UnitOfWorkMeters.RETRIES).counter()).isNull();
    }

    @ParameterizedTest
    @MethodSource("nonTransientFailures")
    void aFailureThatIsNotTransientAfterARetryEndsTheRetries(RuntimeException failure) {
        var uow = FakeUnitOfWork.withoutTransaction()
                .failAttempt(1, transient_(Cause.DEADLOCK))
                .failAttempt(2, failure);

        assertThatThrownBy(() -> runnerOver(uow).write("register-user", tx -> runs.incrementAndGet()))
                .isSameAs(failure);

        assertThat(uow.attempts()).isEqualTo(2);
    }

    @Test
    void afterTheLastAttemptTheLastFailureIsThrownWithTheEarlierOnesSuppressed() {
        var first = transient_(Cause.DEADLOCK);
        var second = transient_(Cause.BUSY);
        var third = transient_(Cause.CONNECTION_LOST);
        var uow = FakeUnitOfWork.withoutTransaction()
                .failAttempt(1, first).failAttempt(2, second).failAttempt(3, third);
        var runner = new TransactionRunner(uow, FastRetries.SETTINGS.withMaxRetries(2), meters);

        assertThatThrownBy(() -> runner.write("favorite-article", tx -> runs.incrementAndGet()))
                .isSameAs(third)
                .satisfies(thrown -> assertThat(thrown.getSuppressed()).containsExactly(first, second));

        assertThat(uow.attempts()).isEqualTo(3);
        assertThat(runs).hasValue(3);
        assertThat(retries("favorite-article", "deadlock") + retries("favorite-article", "busy")).isEqualTo(2.0);
    }

    @Test
    void withNoRetriesAllowedATransientFailureIsThrownAtOnce() {
        var only = transient_(Cause.DEADLOCK);
        var uow = FakeUnitOfWork.withoutTransaction().failAttempt(1, only);
        var runner = new TransactionRunner(uow, FastRetries.SETTINGS.withMaxRetries(0), meters);

        assertThatThrownBy(() -> runner.write("register-user", tx -> null))
                .isSameAs(only)
                .satisfies(thrown -> assertThat(thrown.getSuppressed()).isEmpty());
        assertThat(uow.attempts()).isEqualTo(1);
    }

    @Test
    void workStartedInsideAnActiveUnitOfWorkJoinsItAndIsNotRetriedOnItsOwn() {
        var uow = FakeUnitOfWork.withoutTransaction();
        var runner = runnerOver(uow);
        var failure = transient_(Cause.DEADLOCK);

        assertThatThrownBy(() -> uow.inTransaction(TransactionSpec.readWrite("outer"), outer ->
                runner.write("inner", inner -> {
                    runs.incrementAndGet();
                    throw failure;
                }))).isSameAs(failure);

        assertThat(runs).hasValue(1);
        assertThat(uow.attempts()).isEqualTo(1);
        assertThat(uow.joins()).isEqualTo(1);
        assertThat(meters.find(UnitOfWorkMeters.RETRIES).counter()).isNull();
    }

    @Test
    void onlyTheOutermostUnitOfWorkIsRetriedAndItRerunsTheInnerWork() {
        var uow = FakeUnitOfWork.withoutTransaction();
        var runner = runnerOver(uow);
        var innerRuns = new AtomicInteger();

        String result = runner.write("outer", outer -> runner.write("inner", inner -> {
            if (innerRuns.incrementAndGet() == 1) {
                throw transient_(Cause.SERIALIZATION_FAILURE);
            }
            return "ok";
        }));

        assertThat(result).isEqualTo("ok");
        assertThat(uow.attempts()).isEqualTo(2);
        assertThat(innerRuns).hasValue(2);
        assertThat(retries("outer", "serialization_failure")).isEqualTo(1.0);
        assertThat(meters.find(UnitOfWorkMeters.RETRIES).tag("use_case", "inner").counter()).isNull();
    }

    @Test
    void theDefaultSettingsMakeAWorkingRunner() {
        var uow = FakeUnitOfWork.withoutTransaction().failAttempt(1, transient_(Cause.BUSY));
        var runner = new TransactionRunner(uow, RetrySettings.DEFAULTS, meters);

        String result = runner.write("register-user", tx -> "ok");

        assertThat(result).isEqualTo("ok");
        assertThat(uow.attempts()).isEqualTo(2);
    }

    private TransactionRunner runnerOver(FakeUnitOfWork uow) {
        return new TransactionRunner(uow, FastRetries.SETTINGS, meters);
    }

    private double retries(String useCase, String cause) {
        var counter = meters.find(UnitOfWorkMeters.RETRIES).tag("use_case", useCase).tag("cause", cause).counter();
        return counter == null ? 0.0 : counter.count();
    }

    private static TransientPersistenceException transient_(Cause cause) {
        return new TransientPersistenceException(cause, "simulated " + cause, null);
    }
}
