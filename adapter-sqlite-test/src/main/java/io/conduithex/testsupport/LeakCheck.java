package io.conduithex.testsupport;

import io.conduithex.adapter.jdbi.JdbiPersistence;

/** Fails a test that leaves a connection lent out of the pool. */
public final class LeakCheck {
    private LeakCheck() {
    }

    public static void assertNoActiveConnections(JdbiPersistence persistence) {
        var status = persistence.poolStatus();
        if (status.active() != 0) {
            throw new AssertionError("connection leak: " + status.active()
                    + " connection(s) still active after the test (" + status + ")");
        }
    }
}
