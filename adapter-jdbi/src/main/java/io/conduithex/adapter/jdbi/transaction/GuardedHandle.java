package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The handle of an open transaction, as repositories see it: every call is classified on the way out,
 * so work inside a unit of work sees domain failures (a unique violation, a deadlock), never JDBI types.
 *
 * <p>For single-statement work ({@link #singleStatement}) the handle is in autocommit: its one statement commits
 * as it runs, so a failure in flight is classified as one during COMMIT, and a second statement is refused.
 */
public final class GuardedHandle {
    private final Handle handle;
    private final SqlErrorClassifier classifier;
    private final Phase statementPhase;
    /** How many more statements may run; unbounded inside a transaction. */
    private int statementsLeft;

    /** Guards {@code handle}; public so that tests can run the repositories on a handle they configured. */
    public GuardedHandle(Handle handle, SqlErrorClassifier classifier) {
        this(handle, classifier, Phase.WORK, Integer.MAX_VALUE);
    }

    private GuardedHandle(Handle handle, SqlErrorClassifier classifier, Phase statementPhase, int statementsLeft) {
        this.handle = handle;
        this.classifier = classifier;
        this.statementPhase = statementPhase;
        this.statementsLeft = statementsLeft;
    }

    /** Guards an autocommitted {@code handle} that may run one statement. */
    static GuardedHandle singleStatement(Handle handle, SqlErrorClassifier classifier) {
        return new GuardedHandle(handle, classifier, Phase.COMMIT, 1);
    }

    public <T> T with(Function<Handle, T> statement) {
        if (statementsLeft == 0) {
            throw new IllegalStateException("single-statement work ran a second statement, which would not be atomic"
                    + " with the first (already committed): run it in a transaction instead");
        }
        if (statementsLeft != Integer.MAX_VALUE) {
            statementsLeft--;
        }
        try {
            return statement.apply(handle);
        } catch (RuntimeException e) {
            if (SqlErrorClassifier.isDatabaseError(e)) {
                throw classifier.classify(e, statementPhase);
            }
            throw e;
        }
    }

    /** Runs an {@code INSERT ... RETURNING id} with {@code binds} and returns the new row's id. */
    long insertReturningId(String sql, Map<String, ?> binds) {
        return with(h -> h.createQuery(sql).bindMap(binds).mapTo(Long.class).one());
    }
}
