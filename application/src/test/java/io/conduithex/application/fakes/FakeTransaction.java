package io.conduithex.application.fakes;

import io.conduithex.domain.port.persistence.Transaction;
import io.conduithex.domain.port.persistence.TransactionSpec;
import io.conduithex.domain.port.persistence.UnitOfWork;

/**
 * In-memory repositories that outlive transactions, so a test can look at what was committed. Rolling back
 * restores the state seen when the transaction began; writes inside read-only work fail like on a database.
 */
public final class FakeTransaction implements Transaction {

    private final InMemoryUserRepository users = new InMemoryUserRepository(this::requireWritable);
    private final InMemoryFollowRepository follows = new InMemoryFollowRepository(this::requireWritable);
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository(this::requireWritable);
    private TransactionSpec spec;
    private InMemoryUserRepository.Snapshot usersAtBegin;
    private InMemoryFollowRepository.Snapshot followsAtBegin;
    private int auditAtBegin;

    void begin(TransactionSpec spec) {
        this.spec = spec;
        usersAtBegin = users.snapshot();
        followsAtBegin = follows.snapshot();
        auditAtBegin = audit.size();
    }

    void rollback() {
        users.restore(usersAtBegin);
        follows.restore(followsAtBegin);
        audit.truncate(auditAtBegin);
    }

    void end() {
        spec = null;
    }

    @Override
    public TransactionSpec spec() {
        return spec;
    }

    @Override
    public InMemoryUserRepository users() {
        return users;
    }

    @Override
    public InMemoryFollowRepository follows() {
        return follows;
    }

    // The user use cases under test never touch articles; these fail loudly if one starts to.
    @Override
    public io.conduithex.domain.port.persistence.ArticleRepository articles() {
        throw new UnsupportedOperationException("articles are not faked");
    }

    @Override
    public io.conduithex.domain.port.persistence.FavoriteRepository favorites() {
        throw new UnsupportedOperationException("favorites are not faked");
    }

    @Override
    public io.conduithex.domain.port.persistence.CommentRepository comments() {
        throw new UnsupportedOperationException("comments are not faked");
    }

    @Override
    public io.conduithex.domain.port.persistence.ArticleReadModel articleReads() {
        throw new UnsupportedOperationException("the article read model is not faked");
    }

    @Override
    public io.conduithex.domain.port.persistence.IdempotencyRepository idempotencyKeys() {
        throw new UnsupportedOperationException("idempotency keys are not faked");
    }

    @Override
    public InMemoryAuditRepository audit() {
        return audit;
    }

    @Override
    public <R> R inSavepoint(UnitOfWork.TransactionalWork<R> work) {
        var usersBefore = users.snapshot();
        var followsBefore = follows.snapshot();
        int auditBefore = audit.size();
        try {
            return work.execute(this);
        } catch (RuntimeException e) {
            users.restore(usersBefore);
            follows.restore(followsBefore);
            audit.truncate(auditBefore);
            throw e;
        }
    }

    private void requireWritable() {
        if (spec != null && spec.isReadOnly()) {
            throw new IllegalStateException("write inside read-only transaction '" + spec.name() + "'");
        }
    }
}
