package io.conduithex.bootstrap.security;

import io.conduithex.domain.failure.OverloadedException;
import io.conduithex.domain.port.security.PasswordHasher;
import io.conduithex.domain.user.Password;
import io.conduithex.domain.user.PasswordHash;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs another hasher's work on its own few threads, with room for a few more hashes waiting, and refuses the
 * rest at once ({@link OverloadedException}). Hashing is slow on purpose: run on the HTTP threads, a burst of
 * logins held every one of them and every other request timed out. Here a burst takes at most the hashing
 * threads' CPUs and, while waiting, as many HTTP threads as there are places. Thread-safe.
 * Meters: {@code conduit.password.hashing.in.progress} (running or waiting), {@code conduit.password.hashing.refused}.
 */
public final class BoundedPasswordHasher implements PasswordHasher, AutoCloseable {
    public static final String REFUSED = "conduit.password.hashing.refused";
    public static final String IN_PROGRESS = "conduit.password.hashing.in.progress";
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration IDLE_THREAD_TIMEOUT = Duration.ofSeconds(30);
    private static final String WHAT = "password hashing";

    private final PasswordHasher hasher;
    private final ExecutorService threads;
    /** One per hash running or waiting: the threads plus the waiting places. */
    private final Semaphore places;
    private final int capacity;
    private final Counter refused;

    /**
     * @param threads how many hashes run at once
     * @param waiting how many more may wait for a thread; beyond, a hash is refused
     */
    public BoundedPasswordHasher(PasswordHasher hasher, int threads, int waiting, MeterRegistry meters) {
        if (threads < 1 || waiting < 0) {
            throw new IllegalArgumentException("threads must be at least 1 and waiting at least 0, were " + threads
                    + " and " + waiting);
        }
        this.hasher = hasher;
        // Idle hashing threads end after a while: most of the time nobody is logging in.
        var pool = new ThreadPoolExecutor(threads, threads, IDLE_THREAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), named());
        pool.allowCoreThreadTimeOut(true);
        this.threads = pool;
        this.capacity = threads + waiting;
        this.places = new Semaphore(capacity);
        this.refused = Counter.builder(REFUSED)
                .description("password hashes refused because hashing was at capacity")
                .register(meters);
        Gauge.builder(IN_PROGRESS, this, BoundedPasswordHasher::inProgress)
                .description("password hashes running or waiting for a hashing thread")
                .register(meters);
    }

    @Override
    public PasswordHash hash(Password password) {
        return run(() -> hasher.hash(password));
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        return run(() -> hasher.matches(password, hash));
    }

    @Override
    public void ensureCapacity() {
        if (places.availablePermits() == 0) {
            throw refusal();
        }
    }

    int inProgress() {
        return capacity - places.availablePermits();
    }

    private <T> T run(Callable<T> work) {
        if (!places.tryAcquire()) {
            throw refusal();
        }
        Future<T> result;
        try {
            result = threads.submit(() -> {
                try {
                    return work.call();
                } finally {
                    places.release();
                }
            });
        } catch (RejectedExecutionException closed) {
            places.release();
            throw refusal();
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } catch (InterruptedException e) {
            // Not cancelled: a task cancelled before it ran would never give its place back. It runs, unread.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a password hash", e);
        }
    }

    private OverloadedException refusal() {
        refused.increment();
        return new OverloadedException(WHAT, RETRY_AFTER);
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /** Hashes already accepted still run; new ones are refused. */
    @Override
    public void close() {
        threads.shutdown();
    }

    private static ThreadFactory named() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "password-hashing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
