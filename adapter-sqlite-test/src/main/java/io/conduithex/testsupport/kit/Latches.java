package io.conduithex.testsupport.kit;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A bounded wait on a latch for code a test runs off its own thread, such as work inside a transaction it holds
 * open: the wait fails with an exception rather than an assertion, so that the code under test sees a failure of
 * the kind it handles.
 */
public final class Latches {
    private static final long WAIT_SECONDS = 10;

    private Latches() {
    }

    /**
     * Waits until {@code latch} opens, at most ten seconds, and otherwise throws an {@link IllegalStateException}
     * saying {@code neverOpened}. An interrupt ends the wait the same way, and the thread stays interrupted.
     */
    public static void awaitOpen(CountDownLatch latch, String neverOpened) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(neverOpened);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
