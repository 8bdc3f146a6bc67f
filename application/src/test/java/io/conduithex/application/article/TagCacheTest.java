package io.conduithex.application.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TagCacheTest {
    private static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TagCache cache = new TagCache(MAX_AGE, now::get);
    private final AtomicInteger reads = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private Supplier<List<String>> database(String... tags) {
        return () -> {
            reads.incrementAndGet();
            return List.of(tags);
        };
    }

    /** A read, or a write, that fails with {@code failure}. */
    private static <T> Supplier<T> failingWith(RuntimeException failure) {
        return () -> {
            throw failure;
        };
    }

    @Test
    void aYoungSnapshotAnswersWithoutReading() {
        assertThat(cache.get(database("dragons"))).containsExactly("dragons");
        now.addAndGet(MAX_AGE.toNanos() - 1);

        assertThat(cache.get(database("changed"))).containsExactly("dragons");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aSnapshotAsOldAsMaxAgeIsReadAgain() {
        cache.get(database("dragons"));
        now.addAndGet(MAX_AGE.toNanos());

        assertThat(cache.get(database("dragons", "training"))).containsExactly("dragons", "training");
        assertThat(reads).hasValue(2);
    }

    @Test
    void anInvalidationMakesTheNextCallRead() {
        cache.get(database("dragons"));
        cache.invalidate();

        assertThat(cache.get(database("dragons", "training"))).containsExactly("dragons", "training");
        assertThat(cache.get(database("ignored"))).containsExactly("dragons", "training");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aWriteInvalidatesOnceItHasEndedWhetherOrNotItFailed() {
        cache.get(database("dragons"));

        assertThat(cache.afterWriting(() -> "written")).isEqualTo("written");
        assertThat(cache.get(database("dragons", "training"))).containsExactly("dragons", "training");

        var lost = new IllegalStateException("COMMIT outcome unknown");
        assertThatThrownBy(() -> cache.afterWriting(failingWith(lost))).isSameAs(lost);
        assertThat(cache.get(database("wings"))).containsExactly("wings");
        assertThat(reads).hasValue(3);
    }

    @Test
    void maxAgeZeroReadsEveryTime() {
        var always = TagCache.disabled();
        always.get(database("a"));
        always.get(database("a"));
        always.get(database("a"));

        assertThat(reads).hasValue(3);
    }

    @Test
    void aFailedReadReachesTheCallerAndIsNotRemembered() {
        var down = new IllegalStateException("database down");
        assertThatThrownBy(() -> cache.get(failingWith(down))).isSameAs(down);

        assertThat(cache.get(database("dragons"))).containsExactly("dragons");
        assertThat(reads).hasValue(1);
    }

    @Test
    void theSnapshotCannotBeChangedByTheReaderOrACaller() {
        var mutable = new ArrayList<>(List.of("dragons"));
        var answer = cache.get(() -> mutable);
        mutable.add("sneaked in");

        assertThat(cache.get(database("ignored"))).containsExactly("dragons");
        assertThatThrownBy(() -> answer.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void callersThatFindTheSnapshotStaleDuringAReadWaitForItInsteadOfReading() throws Exception {
        var release = new CountDownLatch(1);
        Future<List<String>> first = readHeldUntil(release, () -> {
            reads.incrementAndGet();
            return List.of("dragons");
        });

        List<FutureTask<List<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waiting.add(parkedCaller(() -> cache.get(database("not read"))));
        }
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly("dragons");
        for (var answer : waiting) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly("dragons");
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void callersWaitingForAReadShareItsFailure() throws Exception {
        var release = new CountDownLatch(1);
        var down = new IllegalStateException("database down");
        Future<List<String>> first = readHeldUntil(release, failingWith(down));
        FutureTask<List<String>> waiter = parkedCaller(() -> cache.get(database("not read")));
        release.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCause(down);
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).hasCause(down);
        assertThat(reads).hasValue(0);
        assertThat(cache.get(database("dragons"))).containsExactly("dragons");
    }

    @Test
    void aReadThatBeganBeforeAWriteIsNotHandedToACallerWhoMustSeeTheWrite() throws Exception {
        var release = new CountDownLatch(1);
        Future<List<String>> before = readHeldUntil(release, () -> List.of("dragons"));

        cache.invalidate(); // a writer committed "training" and was acknowledged
        assertThat(cache.get(database("dragons", "training"))).containsExactly("dragons", "training");

        release.countDown();
        assertThat(before.get(10, TimeUnit.SECONDS)).containsExactly("dragons");
        // The older read stored its snapshot, but under the generation before the write: it is not served.
        assertThat(cache.get(database("dragons", "training", "after"))).containsExactly("dragons", "training", "after");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aNegativeMaxAgeIsRefused() {
        assertThatThrownBy(() -> new TagCache(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAge");
    }

    /**
     * Starts a call whose database read waits for {@code release}, then answers with {@code answer}; returns once
     * the read has begun.
     */
    private Future<List<String>> readHeldUntil(CountDownLatch release, Supplier<List<String>> answer)
            throws InterruptedException {
        var inRead = new CountDownLatch(1);
        Future<List<String>> call = threads.submit(() -> cache.get(() -> {
            inRead.countDown();
            await(release);
            return answer.get();
        }));
        assertThat(inRead.await(10, TimeUnit.SECONDS)).isTrue();
        return call;
    }

    /** Runs a call on a thread of its own and returns once that thread is parked, waiting for the read. */
    private static FutureTask<List<String>> parkedCaller(Callable<List<String>> call) throws InterruptedException {
        var task = new FutureTask<>(call);
        var thread = new Thread(task, "tag-cache-caller");
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING && !task.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the caller never waited: " + thread.getState());
            }
            Thread.sleep(1);
        }
        assertThat(task.isDone()).as("the caller returned without waiting for the read").isFalse();
        return task;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
