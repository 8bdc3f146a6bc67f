package io.conduithex.adapter.jdbi.transaction;

import io.conduithex.adapter.jdbi.error.SqlErrorClassifier;
import org.jdbi.v3.core.Handle;

/**
 * Test access to a {@link GuardedHandle} on a handle the test owns, so that a test can run the adapter's own
 * repositories and read model on a handle it configured itself (for instance with a SQL logger of its own).
 */
public final class GuardedHandles {
    private GuardedHandles() {
    }

    public static GuardedHandle on(Handle handle, SqlErrorClassifier classifier) {
        return new GuardedHandle(handle, classifier);
    }
}
