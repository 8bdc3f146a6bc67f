package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.error.Phase;
import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import java.util.Map;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The handle of an open transaction, as repositories see it: every call is classified on the way out,
 * so work inside a unit of work sees domain failures (a unique violation, a deadlock), never JDBI types.
 */
public final class GuardedHandle {
    private final Handle handle;
    private final SqlErrorClassifier classifier;

    /** Guards {@code handle}; public so that tests can run the repositories on a handle they configured. */
    public GuardedHandle(Handle handle, SqlErrorClassifier classifier) {
        this.handle = handle;
        this.classifier = classifier;
    }

    public <T> T with(Function<Handle, T> statement) {
        try {
            return statement.apply(handle);
        } catch (RuntimeException e) {
            if (SqlErrorClassifier.isDatabaseError(e)) {
                throw classifier.classify(e, Phase.WORK);
            }
            throw e;
        }
    }

    /** Runs an {@code INSERT ... RETURNING id} with {@code binds} and returns the new row's id. */
    long insertReturningId(String sql, Map<String, ?> binds) {
        return with(h -> h.createQuery(sql).bindMap(binds).mapTo(Long.class).one());
    }
}
