package io.conduithex.application.fakes;

import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.port.persistence.UnitOfWork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unit of work without a database. Hands the work a {@link FakeTransaction} (or null, for tests that
 * never touch repositories), rolls the fake back when the work throws, and joins a transaction already
 * active on this thread like the real one does. Can be scripted to fail a given outermost attempt after
 * the work has run, as a database would on a deadlock or at commit.
 */
public final class FakeUnitOfWork implements UnitOfWork {

    private final FakeTransaction transaction;
    private final ThreadLocal<TransactionSpec> active = new ThreadLocal<>();
    private final Map<Integer, RuntimeException> failuresByAttempt = new HashMap<>();
    private final List<TransactionSpec> begun = new ArrayList<>();
    private int attempts;
    private int joins;

    private FakeUnitOfWork(FakeTransaction transaction) {
        this.transaction = transaction;
    }

    /** Work gets {@code transaction}, whose repositories are rolled back when the work fails. */
    public static FakeUnitOfWork over(FakeTransaction transaction) {
        return new FakeUnitOfWork(transaction);
    }

    /** Work gets a null transaction. */
    public static FakeUnitOfWork withoutTransaction() {
        return new FakeUnitOfWork(null);
    }

    /** Makes the given outermost attempt (counted from 1) throw {@code failure} once its work has run. */
    public FakeUnitOfWork failAttempt(int attempt, RuntimeException failure) {
        failuresByAttempt.put(attempt, failure);
        return this;
    }

    @Override
    public <R> R inTransaction(TransactionSpec spec, TransactionalWork<R> work) {
        TransactionSpec outer = active.get();
        if (outer != null) {
            return join(outer, spec, work);
        }
        int attempt = ++attempts;
        begun.add(spec);
        active.set(spec);
        if (transaction != null) {
            transaction.begin(spec);
        }
        try {
            R result = work.execute(transaction);
            RuntimeException scripted = failuresByAttempt.get(attempt);
            if (scripted != null) {
                throw scripted;
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (transaction != null) {
                transaction.rollback();
            }
            throw e;
        } finally {
            if (transaction != null) {
                transaction.end();
            }
            active.remove();
        }
    }

    private <R> R join(TransactionSpec outer, TransactionSpec inner, TransactionalWork<R> work) {
        if (outer.isolation() != inner.isolation()) {
            throw new IllegalStateException("cannot join a transaction with another isolation level");
        }
        if (outer.isReadOnly() && !inner.isReadOnly()) {
            throw new IllegalStateException("cannot join read-only work with read-write work");
        }
        joins++;
        return work.execute(transaction);
    }

    @Override
    public boolean isActive() {
        return active.get() != null;
    }

    /** How many outermost transactions were begun. */
    public int attempts() {
        return attempts;
    }

    /** How many calls joined an active transaction. */
    public int joins() {
        return joins;
    }

    /** The specs of the outermost transactions, in the order they were begun. */
    public List<TransactionSpec> begun() {
        return List.copyOf(begun);
    }
}
