package io.conduithex.application.article;

import io.conduithex.application.concurrent.TaskFailures;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The tags in use as last read, for at most {@code maxAge}. Tags change only when an article is published,
 * edited or deleted, while every page of the front-end asks for them; reading them once per request would make
 * the database do the same work thousands of times a second for the same answer.
 *
 * <p>Consistency: a writer on this instance calls {@link #invalidate()} once its transaction has ended, so a
 * client that got its write acknowledged never reads an answer from before it. A write made through another
 * instance (or by the {@code seed} command) shows here within {@code maxAge}: the age is counted from before
 * the read's transaction began. {@code maxAge} zero reads the database on every call.
 *
 * <p>At most one read runs at a time for an up-to-date answer: callers that find the snapshot stale while a
 * read is under way wait for it (and share its failure) rather than each taking a connection, unless an
 * invalidation came after that read started, in which case they read for themselves. Thread-safe.
 */
public final class TagCache {
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private final AtomicReference<Read> reading = new AtomicReference<>();

    public TagCache(Duration maxAge) {
        this(maxAge, System::nanoTime);
    }

    TagCache(Duration maxAge, LongSupplier nanoTime) {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, was " + maxAge);
        }
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** A cache that never answers from memory: every call reads. */
    public static TagCache disabled() {
        return new TagCache(Duration.ZERO);
    }

    /**
     * The tags, from the snapshot when it is young enough and nothing was written since it was read, else from
     * {@code read}, which runs the database read (its own unit of work). A failure of {@code read} reaches
     * every caller that waited for it and is not remembered.
     */
    public List<String> get(Supplier<List<String>> read) {
        if (maxAgeNanos == 0) {
            return read.get();
        }
        Snapshot current = snapshot.get();
        if (current != null && current.generation == generation.get()
                && nanoTime.getAsLong() - current.readAt < maxAgeNanos) {
            return current.tags;
        }
        return refresh(read);
    }

    /** Forgets the snapshot: the next call reads. Called after any write that may change the tags in use. */
    public void invalidate() {
        generation.incrementAndGet();
    }

    /**
     * Runs {@code write} (a whole unit of work that may change the tags in use) and then invalidates, also when
     * it failed: a commit whose answer was lost may still have changed them.
     */
    public <T> T afterWriting(Supplier<T> write) {
        try {
            return write.get();
        } finally {
            invalidate();
        }
    }

    private List<String> refresh(Supplier<List<String>> read) {
        long startedGeneration = generation.get();
        var mine = new Read(startedGeneration);
        Read running = reading.compareAndExchange(null, mine);
        if (running != null) {
            if (running.generation == startedGeneration) {
                return running.await().tags;
            }
            return read.get(); // that read may predate a write this caller must see
        }
        try {
            long readAt = nanoTime.getAsLong();
            var fresh = new Snapshot(List.copyOf(read.get()), startedGeneration, readAt);
            snapshot.set(fresh);
            mine.result.complete(fresh);
            return fresh.tags;
        } catch (RuntimeException | Error e) {
            mine.result.completeExceptionally(e);
            throw e;
        } finally {
            reading.set(null);
        }
    }

    private record Snapshot(List<String> tags, long generation, long readAt) {
    }

    private static final class Read {
        final long generation;
        final CompletableFuture<Snapshot> result = new CompletableFuture<>();

        Read(long generation) {
            this.generation = generation;
        }

        Snapshot await() {
            try {
                return result.join();
            } catch (CompletionException e) {
                throw TaskFailures.unwrap(e);
            }
        }
    }
}
