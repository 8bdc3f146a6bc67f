package io.conduithex.testsupport.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs tasks on real threads, one each, held at a start gate until every thread is ready and then released
 * at once, so that their requests really overlap. Every wait is bounded.
 */
public final class Race {
    private static final long GATE_SECONDS = 10;
    private static final long FINISH_SECONDS = 60;

    private Race() {
    }

    /** Runs {@code racers} tasks, task {@code i} built by {@code task.apply(i)}, and returns their results in order. */
    public static <T> List<T> run(int racers, IntFunction<Callable<T>> task) throws Exception {
        var ready = new CountDownLatch(racers);
        var go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<T> work = task.apply(i);
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    assertThat(go.await(GATE_SECONDS, TimeUnit.SECONDS)).as("start gate opened").isTrue();
                    return work.call();
                }));
            }
            assertThat(ready.await(GATE_SECONDS, TimeUnit.SECONDS)).as("all racers ready").isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(FINISH_SECONDS, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(GATE_SECONDS, TimeUnit.SECONDS)).as("racers stopped").isTrue();
        }
    }
}
