package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.values.Dialect;
import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.sql.Timestamps;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import io.conduithex.domain.port.persistence.ArticleReadModel;
import io.conduithex.domain.port.persistence.AuditRepository;
import io.conduithex.domain.port.persistence.IdempotencyRepository;
import io.conduithex.domain.port.persistence.ArticleRepository;
import io.conduithex.domain.port.persistence.CommentRepository;
import io.conduithex.domain.port.persistence.FavoriteRepository;
import io.conduithex.domain.port.persistence.FollowRepository;
import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.port.persistence.UnitOfWork.TransactionalWork;
import io.conduithex.domain.port.persistence.UserRepository;
import org.jdbi.v3.core.Handle;

/** One open transaction on one handle, with its repositories. Confined to the thread that opened it. */
final class JdbiTransaction implements Transaction {
    private final Handle handle;
    private final TransactionSpec spec;
    private final SqlErrorClassifier classifier;
    private final UserRepository users;
    private final FollowRepository follows;
    private final ArticleRepository articles;
    private final FavoriteRepository favorites;
    private final CommentRepository comments;
    private final ArticleReadModel articleReads;
    private final IdempotencyRepository idempotencyKeys;
    private final AuditRepository audit;
    private final ChangeLog changes;
    private final TransactionIdNote transactionId = new TransactionIdNote();
    private int savepoints;
    private boolean rollbackOnly;

    /** @param changes where the repositories note what they change, for the unit of work to report at commit */
    JdbiTransaction(Handle handle, TransactionSpec spec, SqlErrorClassifier classifier, Dialect dialect,
                    Timestamps timestamps, ChangeLog changes) {
        this.handle = handle;
        this.spec = spec;
        this.classifier = classifier;
        this.changes = changes;
        var guarded = new GuardedHandle(handle, classifier);
        this.users = new JdbiUserRepository(guarded, changes);
        this.follows = new JdbiFollowRepository(guarded, dialect);
        this.articles = new JdbiArticleRepository(guarded, timestamps, changes, dialect);
        this.favorites = new JdbiFavoriteRepository(guarded, changes, dialect);
        this.comments = new JdbiCommentRepository(guarded, timestamps, changes);
        this.articleReads = new JdbiArticleReadModel(guarded, dialect);
        this.idempotencyKeys = new JdbiIdempotencyRepository(guarded, timestamps, dialect, transactionId);
        this.audit = new JdbiAuditRepository(guarded, timestamps, dialect);
    }

    @Override
    public TransactionSpec spec() {
        return spec;
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public FollowRepository follows() {
        return follows;
    }

    @Override
    public ArticleRepository articles() {
        return articles;
    }

    @Override
    public FavoriteRepository favorites() {
        return favorites;
    }

    @Override
    public CommentRepository comments() {
        return comments;
    }

    @Override
    public ArticleReadModel articleReads() {
        return articleReads;
    }

    @Override
    public IdempotencyRepository idempotencyKeys() {
        return idempotencyKeys;
    }

    @Override
    public AuditRepository audit() {
        return audit;
    }

    @Override
    public <R> R inSavepoint(TransactionalWork<R> work) {
        String name = "sp_" + (++savepoints);
        guard(() -> handle.savepoint(name));
        R result;
        try {
            result = work.execute(this);
        } catch (RuntimeException | Error failure) {
            try {
                // JDBI forgets the savepoint once rolled back to; the database drops it at transaction end.
                handle.rollbackToSavepoint(name);
            } catch (RuntimeException rollbackFailure) {
                // The transaction can no longer be trusted: make sure it cannot commit.
                rollbackOnly = true;
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
        guard(() -> handle.releaseSavepoint(name));
        return result;
    }

    /** The transaction's id, if a statement brought it back. */
    TransactionIdNote transactionId() {
        return transactionId;
    }

    /** What this transaction's repositories changed so far. */
    ChangeLog changes() {
        return changes;
    }

    /** Marks the transaction so that it rolls back even if the outermost work returns normally. */
    void markRollbackOnly() {
        rollbackOnly = true;
    }

    boolean isRollbackOnly() {
        return rollbackOnly;
    }

    private void guard(Runnable statement) {
        try {
            statement.run();
        } catch (RuntimeException e) {
            if (SqlErrorClassifier.isDatabaseError(e)) {
                throw classifier.classify(e, Phase.WORK);
            }
            throw e;
        }
    }
}
