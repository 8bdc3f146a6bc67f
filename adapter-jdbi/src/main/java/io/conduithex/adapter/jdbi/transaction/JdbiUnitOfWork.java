package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.change.ChangeReports;
import io.conduithex.adapter.jdbi.values.DatabaseSettings;
import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.error.ConstraintViolationMeter;
import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.monitoring.TimingRecorder;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import io.conduithex.adapter.jdbi.pool.Pool;
import io.conduithex.adapter.jdbi.replica.ReadRouter;
import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.failure.PersistenceException;
import io.conduithex.domain.failure.QueryTimeoutException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.conduithex.domain.port.persistence.CommittedChanges;
import io.conduithex.domain.port.persistence.Isolation;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.port.persistence.UnitOfWork;
import io.micrometer.core.instrument.MeterRegistry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UnitOfWork} on JDBI handles. The outermost call on a thread takes a handle where the {@link ReadRouter}
 * sends it (by access mode: the writer, the reader pool, or a replica), begins a transaction, runs the work, and
 * commits or rolls back; nested calls join it. Thread-safe: the open transaction is kept per thread.
 *
 * <p>A nested call that throws marks the whole transaction rollback-only, even if the outer work catches
 * the exception: partial rollback is what {@link io.conduithex.domain.port.persistence.Transaction#inSavepoint}
 * is for. If the outer work then returns normally, the transaction is rolled back and an
 * {@link IllegalStateException} says why.
 *
 * <p>Once {@link #reportChangesTo} was called, the repositories of every read-write transaction note what they
 * change, and the outermost call hands that to the {@link ChangeReports} after COMMIT, before it returns: also when
 * the COMMIT's outcome is unknown (it may have committed), never when the work rolled back (nothing anyone could
 * read changed). Each attempt of a retried unit of work is a transaction of its own, so only the one that committed
 * is reported.
 */
public final class JdbiUnitOfWork implements UnitOfWork {
    private static final Logger log = LoggerFactory.getLogger(JdbiUnitOfWork.class);

    private final ReadRouter router;
    private final Dialect dialect;
    private final SqlErrorClassifier classifier;
    private final Timestamps timestamps;
    private final CommitVerifier commitVerifier;
    private final TransactionMeters transactionMeters;
    /** Null unless the connections go through PgBouncer: then each transaction sets its own limits. */
    private final TransactionLimits limits;
    private final ThreadLocal<JdbiTransaction> current = new ThreadLocal<>();
    /** Null until someone listens: then transactions record nothing and send nothing. */
    private volatile ChangeReports reports;

    /**
     * @param longTransaction a transaction held open longer than this is logged as a warning and counted
     * @param timings         receives every transaction's duration
     */
    public JdbiUnitOfWork(ReadRouter router, DatabaseSettings settings, SqlErrorClassifier classifier,
                          MeterRegistry meters, TimingRecorder timings) {
        this.router = router;
        this.dialect = settings.dialect();
        this.limits = TransactionLimits.of(settings);
        // Wrapped here, where every failure of the work is classified once, so each violation is counted once.
        this.classifier = new ConstraintViolationMeter(classifier, meters);
        this.timestamps = Timestamps.of(dialect);
        this.commitVerifier = CommitVerifier.of(dialect);
        this.transactionMeters = new TransactionMeters(meters, settings.longTransaction(), timings);
    }

    /** From now on, every read-write unit of work that commits reports what it changed to {@code reports}. */
    public void reportChangesTo(ChangeReports reports) {
        this.reports = reports;
    }

    @Override
    public boolean isActive() {
        return current.get() != null;
    }

    @Override
    public <R> R inTransaction(TransactionSpec spec, TransactionalWork<R> work) {
        JdbiTransaction outer = current.get();
        if (outer != null) {
            return join(outer, spec, work);
        }
        ReadRouter.Route route = router.route(spec.isReadOnly(), this::open);
        Lease lease = new Lease(route.pool(), route.handle());
        LostCommit lost;
        try {
            return runOutermost(lease, spec, work);
        } catch (LostCommit e) {
            lost = e;
        } catch (RuntimeException e) {
            router.failed(route, e, isConnectionLost(e), isConflict(e));
            throw e;
        } finally {
            lease.close();
            route.release().run();
        }
        // Asked only now that the lost connection is back in (and evicted from) the pool: with every other
        // connection lent out, asking on a new one must not wait for the one that broke.
        R resolved;
        try {
            resolved = lost.resolve(commitVerifier, route.pool(), spec);
        } catch (CommitOutcomeUnknownException unknown) {
            // It may have committed: nobody may go on being shown what it may have replaced.
            lost.report();
            throw unknown;
        }
        lost.report();
        router.committedAtUnknownPosition();
        return resolved;
    }

    private <R> R runOutermost(Lease lease, TransactionSpec spec, TransactionalWork<R> work) {
        Handle handle = lease.handle;
        JdbiTransaction tx;
        ChangeReports reporting = spec.isReadOnly() ? null : reports;
        long started = System.nanoTime();
        try {
            configure(handle, spec);
            handle.begin();
            if (limits != null) {
                limits.apply(handle, spec.isolation());
            }
            tx = new JdbiTransaction(handle, spec, classifier, dialect, timestamps,
                    reporting == null ? ChangeLog.ignoring() : ChangeLog.recording());
        } catch (RuntimeException e) {
            RuntimeException failure = classified(e, Phase.WORK);
            retireAllIfConnectionLost(failure, lease.pool);
            throw failure;
        }
        current.set(tx);
        R result;
        try {
            result = work.execute(tx);
        } catch (Error failure) {
            lease.rollbackAfter(failure, dialect);
            transactionMeters.record(spec, TransactionMeters.Outcome.ROLLBACK, started);
            throw failure;
        } catch (RuntimeException failure) {
            RuntimeException thrown = classified(failure, Phase.WORK);
            retireAllIfConnectionLost(thrown, lease.pool);
            lease.rollbackAfter(thrown, dialect);
            transactionMeters.record(spec, TransactionMeters.Outcome.ROLLBACK, started);
            throw thrown;
        } finally {
            current.remove();
        }
        if (tx.isRollbackOnly()) {
            var failure = new IllegalStateException("unit of work '" + spec.name()
                    + "' was marked rollback-only by a nested unit of work that failed; use inSavepoint to recover from"
                    + " a failure and keep the rest of the transaction");
            lease.rollbackAfter(failure, dialect);
            transactionMeters.record(spec, TransactionMeters.Outcome.ROLLBACK, started);
            throw failure;
        }
        CommittedChanges changes = tx.changes().committed();
        try {
            commit(lease, tx, result, reporting, changes);
        } catch (LostCommit lost) {
            transactionMeters.record(spec, TransactionMeters.Outcome.COMMIT_LOST, started);
            throw lost;
        } catch (RuntimeException failure) {
            transactionMeters.record(spec, TransactionMeters.Outcome.ROLLBACK, started);
            throw failure;
        }
        transactionMeters.record(spec, TransactionMeters.Outcome.COMMIT, started);
        if (reporting != null) {
            reporting.committed(changes);
        }
        return result;
    }

    private <R> R join(JdbiTransaction outer, TransactionSpec spec, TransactionalWork<R> work) {
        TransactionSpec outerSpec = outer.spec();
        if (outerSpec.isReadOnly() && !spec.isReadOnly()) {
            throw new IllegalStateException("read-write unit of work '" + spec.name()
                    + "' cannot join read-only unit of work '" + outerSpec.name() + "'");
        }
        if (spec.isolation() != Isolation.DEFAULT && spec.isolation() != outerSpec.isolation()) {
            throw new IllegalStateException("unit of work '" + spec.name() + "' asks for isolation " + spec.isolation()
                    + " but would join '" + outerSpec.name() + "' running at " + outerSpec.isolation());
        }
        try {
            return work.execute(outer);
        } catch (RuntimeException | Error failure) {
            outer.markRollbackOnly();
            throw failure;
        }
    }

    private Handle open(Pool pool) {
        try {
            return pool.open();
        } catch (RuntimeException e) {
            throw classified(e, Phase.ACQUIRE);
        }
    }

    private void configure(Handle handle, TransactionSpec spec) {
        if (dialect == Dialect.SQLITE) {
            // SQLite transactions are serializable whatever is asked, and read-only readers are enforced by
            // their pool (query_only); sqlite-jdbc refuses to change either on an open connection.
            return;
        }
        if (spec.isReadOnly()) {
            handle.setReadOnly(true);
        }
        if (spec.isolation() != Isolation.DEFAULT && limits == null) {
            handle.setTransactionIsolationLevel(toJdbi(spec.isolation()));
        }
    }

    private void commit(Lease lease, JdbiTransaction tx, Object result, ChangeReports reporting,
                        CommittedChanges changes) {
        Handle handle = lease.handle;
        TransactionSpec spec = tx.spec();
        CommitVerifier.Receipt receipt;
        try {
            receipt = spec.isReadOnly() ? new CommitVerifier.NothingWritten() : commitVerifier.receipt(handle, tx.transactionId());
            if (reporting != null) {
                reporting.beforeCommit(handle, changes);
            }
        } catch (RuntimeException e) {
            // The transaction's connection failed before COMMIT was sent: nothing can have been stored.
            RuntimeException failure = classified(e, Phase.WORK);
            retireAllIfConnectionLost(failure, lease.pool);
            lease.rollbackAfter(failure, dialect);
            throw failure;
        }
        try {
            handle.commit();
        } catch (RuntimeException e) {
            PersistenceException failure = classifier.classify(e, Phase.COMMIT);
            if (failure instanceof CommitOutcomeUnknownException unknown) {
                // The connection's state is unknown too: it is never lent again, and nothing is rolled back on it.
                lease.discard(failure);
                lease.pool.retireAll();
                throw new LostCommit(unknown, receipt, result,
                        reporting == null ? () -> { } : () -> reporting.committed(changes));
            }
            // The database refused the COMMIT (a deferred constraint, a serialization failure): it answered, so the
            // connection is sound once the transaction is rolled back.
            lease.rollbackAfter(failure, dialect);
            throw failure;
        }
        if (!spec.isReadOnly()) {
            router.committed(handle);
        }
    }

    private static void retireAllIfConnectionLost(RuntimeException failure, Pool pool) {
        if (isConnectionLost(failure)) {
            pool.retireAll();
        }
    }

    private static boolean isConnectionLost(RuntimeException failure) {
        return failure instanceof TransientPersistenceException lost && lost.reason() == Cause.CONNECTION_LOST;
    }

    /** On a standby, a serialization failure is a conflict with recovery: the standby's, not the data's. */
    private static boolean isConflict(RuntimeException failure) {
        return failure instanceof TransientPersistenceException conflict
                && conflict.reason() == Cause.SERIALIZATION_FAILURE;
    }

    private RuntimeException classified(RuntimeException failure, Phase phase) {
        if (failure instanceof PersistenceException || !SqlErrorClassifier.isDatabaseError(failure)) {
            return failure;
        }
        return classifier.classify(failure, phase);
    }

    private static TransactionIsolationLevel toJdbi(Isolation isolation) {
        return switch (isolation) {
            case DEFAULT, READ_COMMITTED -> TransactionIsolationLevel.READ_COMMITTED;
            case REPEATABLE_READ -> TransactionIsolationLevel.REPEATABLE_READ;
            case SERIALIZABLE -> TransactionIsolationLevel.SERIALIZABLE;
        };
    }
}
