package io.conduithex.domain.port.persistence;

/**
 * Runs work in one database transaction and hands it repositories bound to that transaction.
 *
 * <ul>
 *   <li>Normal return commits; any exception rolls back and is rethrown (database failures already
 *       classified as a {@link io.conduithex.domain.failure.PersistenceException}). A failed rollback
 *       is attached to the original exception as suppressed, and its connection is discarded.</li>
 *   <li>The connection always goes back to the pool before the call returns or throws.</li>
 *   <li>A call made while a transaction is already active on this thread joins it: the work runs in
 *       the outer transaction, commits or rolls back with it, and no second connection is taken. Joining
 *       with another isolation level, or with read-write work inside read-only work, fails with
 *       {@link IllegalStateException}.</li>
 *   <li>Nothing here retries; retrying a whole unit of work is the caller's decision.</li>
 * </ul>
 *
 * Implementations are thread-safe; a transaction belongs to the thread that began it.
 */
public interface UnitOfWork {

    /** Runs {@code work} in a transaction described by {@code spec} and returns its result. */
    <R> R inTransaction(TransactionSpec spec, TransactionalWork<R> work);

    /** Runs {@code work} in a transaction described by {@code spec}, for work that returns nothing. */
    default void useTransaction(TransactionSpec spec, TransactionalAction work) {
        inTransaction(spec, tx -> {
            work.execute(tx);
            return null;
        });
    }

    /** Whether this thread is inside a transaction of this unit of work. */
    boolean isActive();

    /** Work that produces a value. */
    @FunctionalInterface
    interface TransactionalWork<R> {
        R execute(Transaction tx);
    }

    /** Work that produces nothing. */
    @FunctionalInterface
    interface TransactionalAction {
        void execute(Transaction tx);
    }
}
