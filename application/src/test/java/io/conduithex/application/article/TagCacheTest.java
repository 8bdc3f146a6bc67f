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

    @Test
    void a_young_snapshot_answers_without_reading() {
        assertThat(cache.get(database("dragons"))).containsExactly("dragons");
        now.addAndGet(MAX_AGE.toNanos() - 1);

        assertThat(cache.get(database("changed"))).containsExactly("dragons");
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_snapshot_as_old_as_max_age_is_read_again() {
        cache.get(database("dragons"));
        now.addAndGet(MAX_AGE.toNanos());

        assertThat(cache.get(database("dragons", "training"))).containsExactly("dragons", "training");
        assertThat(reads).hasValue(2);
    }

    @Test
    void an_invalidation_makes_the_next_call_read() {
        cache.get(database("dragons"));
        cache.invalidate();

        assertThat(cache.get(database("dragons", "training"))).containsExactly("dragons", "training");
        assertThat(cache.get(database("ignored"))).containsExactly("dragons", "training");
        assertThat(reads).hasValue(2);
    }

    @Test
    void a_write_invalidates_once_it_has_ended_whether_or_not_it_failed() {
        cache.get(database("dragons"));

        assertThat(cache.afterWriting(() -> "written")).isEqualTo("written");
        assertThat(cache.get(database("dragons", "training"))).containsExactly("dragons", "training");

        var lost = new IllegalStateException("COMMIT outcome unknown");
        assertThatThrownBy(() -> cache.afterWriting(() -> {
            throw lost;
        })).isSameAs(lost);
        assertThat(cache.get(database("wings"))).containsExactly("wings");
        assertThat(reads).hasValue(3);
    }

    @Test
    void max_age_zero_reads_every_time() {
        var always = TagCache.disabled();
        always.get(database("a"));
        always.get(database("a"));
        always.get(database("a"));

        assertThat(reads).hasValue(3);
    }

    @Test
    void a_failed_read_reaches_the_caller_and_is_not_remembered() {
        var down = new IllegalStateException("database down");
        assertThatThrownBy(() -> cache.get(() -> {
            throw down;
        })).isSameAs(down);

        assertThat(cache.get(database("dragons"))).containsExactly("dragons");
        assertThat(reads).hasValue(1);
    }

    @Test
    void the_snapshot_cannot_be_changed_by_the_reader_or_a_caller() {
        var mutable = new ArrayList<>(List.of("dragons"));
        var answer = cache.get(() -> mutable);
        mutable.add("sneaked in");

        assertThat(cache.get(database("ignored"))).containsExactly("dragons");
        assertThatThrownBy(() -> answer.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void callers_that_find_the_snapshot_stale_during_a_read_wait_for_it_instead_of_reading() throws Exception {
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
    void callers_waiting_for_a_read_share_its_failure() throws Exception {
        var release = new CountDownLatch(1);
        var down = new IllegalStateException("database down");
        Future<List<String>> first = readHeldUntil(release, () -> {
            throw down;
        });
        FutureTask<List<String>> waiter = parkedCaller(() -> cache.get(database("not read")));
        release.countDown();

        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCause(down);
        assertThatThrownBy(() -> waiter.get(10, TimeUnit.SECONDS)).hasCause(down);
        assertThat(reads).hasValue(0);
        assertThat(cache.get(database("dragons"))).containsExactly("dragons");
    }

    @Test
    void a_read_that_began_before_a_write_is_not_handed_to_a_caller_who_must_see_the_write() throws Exception {
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
    void a_negative_max_age_is_refused() {
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
