package io.conduithex.application.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conduithex.application.fakes.FakeUnitOfWork;
import io.conduithex.application.fakes.FastRetries;
import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** Every outermost unit of work is timed once, by use case and by how it ended: commit, retried or rollback. */
class UnitOfWorkDurationTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void workThatCommitsOnTheFirstAttemptIsTimedAsCommit() {
        runnerOver(FakeUnitOfWork.withoutTransaction()).write("follow-user", tx -> "followed");

        assertThat(count("follow-user", "commit")).isEqualTo(1);
        assertThat(count("follow-user", "retried")).isZero();
        assertThat(count("follow-user", "rollback")).isZero();
    }

    @Test
    void workThatCommitsAfterARetryIsTimedOnceAsRetried() {
        var uow = FakeUnitOfWork.withoutTransaction()
                .failAttempt(1, new TransientPersistenceException(Cause.DEADLOCK, "deadlock", null));

        runnerOver(uow).write("follow-user", tx -> "followed");

        assertThat(uow.attempts()).isEqualTo(2);
        assertThat(count("follow-user", "retried")).isEqualTo(1);
        assertThat(count("follow-user", "commit")).isZero();
    }

    @Test
    void workThatFailsIsTimedAsRollbackWhetherOrNotItWasRetried() {
        var gaveUp = FakeUnitOfWork.withoutTransaction();
        for (int attempt = 1; attempt <= FastRetries.SETTINGS.maxRetries() + 1; attempt++) {
            gaveUp.failAttempt(attempt, new TransientPersistenceException(Cause.BUSY, "busy", null));
        }

        assertThatThrownBy(() -> runnerOver(gaveUp).write("create-article", tx -> "created"))
                .isInstanceOf(TransientPersistenceException.class);
        assertThatThrownBy(() -> runnerOver(FakeUnitOfWork.withoutTransaction()).read("get-article", tx -> {
            throw new NotFoundException("article");
        })).isInstanceOf(NotFoundException.class);

        assertThat(count("create-article", "rollback")).isEqualTo(1);
        assertThat(count("get-article", "rollback")).isEqualTo(1);
    }

    @Test
    void nestedWorkIsPartOfTheOuterUnitAndNotTimedOnItsOwn() {
        var uow = FakeUnitOfWork.withoutTransaction();
        var runner = runnerOver(uow);

        runner.write("outer", tx -> runner.write("inner", inner -> "done"));

        assertThat(count("outer", "commit")).isEqualTo(1);
        assertThat(meters.find(UnitOfWorkMeters.DURATION).tag("use_case", "inner").timer()).isNull();
    }

    private TransactionRunner runnerOver(FakeUnitOfWork uow) {
        return new TransactionRunner(uow, FastRetries.SETTINGS, meters);
    }

    private long count(String useCase, String outcome) {
        Timer timer = meters.find(UnitOfWorkMeters.DURATION).tag("use_case", useCase).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
