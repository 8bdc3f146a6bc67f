package io.conduithex.bootstrap.reliability;

import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.port.persistence.UnitOfWork;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A unit of work whose commits sometimes end in "outcome unknown", the two ways that really happens: the commit
 * happened and its answer was lost, or the connection went before the commit reached the database. It wraps the
 * real unit of work at its port, so everything above it (retries, idempotency keys, error mapping) meets the
 * failure exactly as a lost connection at COMMIT would show it, on any database, SQLite included.
 */
final class CommitFaults implements UnitOfWork {
    private final UnitOfWork database;
    private final Set<String> useCases;
    private final double lostAnswers;
    private final double lostCommits;
    private volatile boolean on = true;
    private final AtomicInteger committedUnanswered = new AtomicInteger();
    private final AtomicInteger neverCommitted = new AtomicInteger();

    /**
     * @param useCases    the outermost units of work that may fail so
     * @param lostAnswers the share of their commits that happen and answer "unknown"
     * @param lostCommits the share that roll back and answer "unknown"
     */
    CommitFaults(UnitOfWork database, Set<String> useCases, double lostAnswers, double lostCommits) {
        this.database = database;
        this.useCases = Set.copyOf(useCases);
        this.lostAnswers = lostAnswers;
        this.lostCommits = lostCommits;
    }

    /** From now on every commit answers truly. */
    void stop() {
        on = false;
    }

    int committedUnanswered() {
        return committedUnanswered.get();
    }

    int neverCommitted() {
        return neverCommitted.get();
    }

    @Override
    public <R> R inTransaction(TransactionSpec spec, TransactionalWork<R> work) {
        if (!on || database.isActive() || !useCases.contains(spec.name())) {
            return database.inTransaction(spec, work);
        }
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < lostAnswers) {
            database.inTransaction(spec, work);
            committedUnanswered.incrementAndGet();
            throw new CommitOutcomeUnknownException("injected: committed, and the answer to COMMIT was lost", null);
        }
        if (roll < lostAnswers + lostCommits) {
            try {
                database.inTransaction(spec, tx -> {
                    work.execute(tx);
                    throw new Abandoned();
                });
            } catch (Abandoned expected) {
                neverCommitted.incrementAndGet();
            }
            throw new CommitOutcomeUnknownException("injected: the connection went before COMMIT arrived", null);
        }
        return database.inTransaction(spec, work);
    }

    @Override
    public boolean isActive() {
        return database.isActive();
    }

    /** Rolls the injected "lost before COMMIT" transaction back, as the database does for a connection gone. */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("abandoned before COMMIT", null, false, false);
        }
    }
}
