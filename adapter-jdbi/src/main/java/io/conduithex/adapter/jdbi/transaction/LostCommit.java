package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import io.conduithex.adapter.jdbi.pool.Pool;
import io.conduithex.domain.failure.CommitOutcomeUnknownException;
import io.conduithex.domain.failure.TransientPersistenceException;
import io.conduithex.domain.failure.TransientPersistenceException.Cause;
import io.conduithex.domain.port.persistence.TransactionSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * COMMIT was sent and its answer lost; carries what is needed to find out what happened, and finds it out. Thrown
 * inside {@link JdbiUnitOfWork} only, and resolved there once the lost connection is back in (and evicted from)
 * its pool.
 */
final class LostCommit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(LostCommit.class);

    private final transient CommitOutcomeUnknownException failure;
    private final transient CommitVerifier.Receipt receipt;
    private final transient Object result;
    private final transient Runnable report;

    /** @param report tells whoever listens what the transaction changed, for when it committed or may have */
    LostCommit(CommitOutcomeUnknownException failure, CommitVerifier.Receipt receipt, Object result, Runnable report) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
        this.receipt = receipt;
        this.result = result;
        this.report = report;
    }

    /** Reports the transaction's changes: called when it committed, or when nobody can tell. */
    void report() {
        report.run();
    }

    /**
     * Returns the work's result when the lost commit is known to have been stored; throws otherwise: the
     * {@link CommitOutcomeUnknownException} when nobody can tell, a transient failure when the database confirms
     * the rollback (so the unit of work may safely run again).
     */
    <R> R resolve(CommitVerifier verifier, Pool pool, TransactionSpec spec) {
        if (SqlErrorClassifier.isSocketTimeout(failure)) {
            // The server stopped answering altogether: asking it again now would only make the client wait longer.
            logUnknown(spec);
            throw failure;
        }
        switch (verifier.outcome(receipt, pool)) {
            case COMMITTED -> log.warn("Unit of work '{}' lost its connection during COMMIT; the database confirms"
                    + " the transaction committed", spec.name());
            case NOTHING_TO_LOSE -> log.warn("Unit of work '{}' lost its connection during COMMIT; it had written"
                    + " nothing, so nothing was lost", spec.name());
            case ABORTED -> throw new TransientPersistenceException(Cause.CONNECTION_LOST,
                    "connection lost during COMMIT; the database confirms the transaction was rolled back", failure);
            case UNKNOWN -> {
                logUnknown(spec);
                throw failure;
            }
        }
        @SuppressWarnings("unchecked")
        R stored = (R) result;
        return stored;
    }

    private void logUnknown(TransactionSpec spec) {
        String which = receipt instanceof CommitVerifier.TransactionId id ? "transaction " + id.xid() : "its transaction";
        log.error("COMMIT OUTCOME UNKNOWN: unit of work '{}' lost its connection while committing {}; it may or may"
                + " not be stored, and it was not run again. Check the data it writes. Cause: {}", spec.name(), which,
                failure.getMessage());
    }
}
