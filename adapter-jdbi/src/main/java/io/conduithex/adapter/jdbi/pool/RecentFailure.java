package io.conduithex.adapter.jdbi.pool;

import java.time.Duration;
import java.util.Optional;

/**
 * The last failure of something tried again and again (connecting, pinging), remembered for a while: the reason
 * to give while it is recent, nothing once it is old or a later attempt succeeded. Thread-safe: the failure and
 * its time are replaced together.
 *
 * @param <T> what a failure is described by
 */
public final class RecentFailure<T> {
    private final long recentNanos;
    private volatile Remembered<T> last;

    private record Remembered<T>(T failure, long atNanos) {
    }

    /** @param recent how long a failure stays the current one */
    public RecentFailure(Duration recent) {
        this.recentNanos = recent.toNanos();
    }

    /** Remembers {@code failure} as of now. */
    public void failed(T failure) {
        last = new Remembered<>(failure, System.nanoTime());
    }

    /** Forgets the last failure: the latest attempt worked. */
    public void succeeded() {
        last = null;
    }

    /** The last failure, if it happened within the recent window and nothing succeeded since. */
    public Optional<T> get() {
        Remembered<T> remembered = last;
        if (remembered == null || System.nanoTime() - remembered.atNanos() >= recentNanos) {
            return Optional.empty();
        }
        return Optional.of(remembered.failure());
    }
}
