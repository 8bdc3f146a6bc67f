package io.conduithex.adapter.web;

import io.conduithex.domain.failure.NotFoundException;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.conduithex.testsupport.kit.Latches;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A unit of work that never reaches a database: every transaction fails with the scripted failure, after
 * optionally waiting at a gate so a test can hold a request in flight.
 */
final class ScriptedUnitOfWork implements UnitOfWork {
    private volatile Supplier<RuntimeException> failure = () -> new NotFoundException("profile");
    private volatile CountDownLatch gate;
    final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger atGate = new AtomicInteger();
    private final AtomicInteger mostAtGate = new AtomicInteger();

    int transactionsStarted() {
        return started.get();
    }

    /** Transactions waiting at the gate now. */
    int atGate() {
        return atGate.get();
    }

    /** The most transactions that ever waited at the gate at once. */
    int mostAtGate() {
        return mostAtGate.get();
    }

    void failWith(Supplier<RuntimeException> next) {
        this.failure = next;
    }

    /** Holds every transaction until {@link #open()}; {@link #entered} counts down when one is waiting. */
    void holdAtGate() {
        this.gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    @Override
    public <R> R inTransaction(TransactionSpec spec, TransactionalWork<R> work) {
        started.incrementAndGet();
        var waitHere = gate;
        if (waitHere != null) {
            mostAtGate.accumulateAndGet(atGate.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                Latches.awaitOpen(waitHere, "the test never opened the gate");
            } finally {
                atGate.decrementAndGet();
            }
        }
        throw failure.get();
    }

    @Override
    public boolean isActive() {
        return false;
    }
}
