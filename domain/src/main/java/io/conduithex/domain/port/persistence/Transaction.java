package io.conduithex.domain.port.persistence;

/**
 * The repositories of one open transaction, plus explicit savepoints. Valid only inside the work it was
 * handed to, and only on that thread. Repositories never commit.
 */
public interface Transaction {

    TransactionSpec spec();

    UserRepository users();

    FollowRepository follows();

    ArticleRepository articles();

    FavoriteRepository favorites();

    CommentRepository comments();

    /** The read side: lists and views assembled in a constant number of statements. */
    ArticleReadModel articleReads();

    /** Idempotency keys, each stored with its response by the transaction of the write that used it. */
    IdempotencyRepository idempotencyKeys();

    /** The audit trail of data modifications. */
    AuditRepository audit();

    /**
     * Runs {@code work} under a savepoint. If it throws, the transaction is rolled back to the savepoint,
     * so the outer work may catch the exception and carry on with everything done before the savepoint
     * intact; the exception is rethrown. If it returns, the savepoint is released.
     */
    <R> R inSavepoint(UnitOfWork.TransactionalWork<R> work);
}
