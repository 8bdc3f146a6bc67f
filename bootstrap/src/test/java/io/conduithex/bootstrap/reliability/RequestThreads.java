package io.conduithex.bootstrap.reliability;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Threads for requests a test sends concurrently; closing stops them and waits for them, bounded. */
record RequestThreads(ExecutorService executor) implements AutoCloseable {

    RequestThreads(int size) {
        this(Executors.newFixedThreadPool(size));
    }

    @Override
    public void close() throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(ConduitClient.REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            throw new AssertionError("request threads did not finish");
        }
    }
}
