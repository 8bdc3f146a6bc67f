package io.conduithex.adapter.web;

import io.conduithex.domain.user.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Each signed-in user's newest write through this instance, for as long as a replica may lag behind it: a client
 * that echoes no token still reads its own writes when it comes back to the same instance. After the lag bound a
 * write needs no remembering, since every replica that serves is at most that far behind. Thread-safe.
 */
final class RecentWrites {
    /** Beyond this many users writing within one lag bound, expired entries are swept on the next write. */
    private static final int SWEEP_ABOVE = 10_000;

    private record Entry(String position, long expiresAtNanos) {
    }

    private final Map<UserId, Entry> latest = new ConcurrentHashMap<>();
    private final long keepNanos;
    private final LongSupplier nanoClock;

    RecentWrites(Duration keep, LongSupplier nanoClock) {
        this.keepNanos = keep.toNanos();
        this.nanoClock = nanoClock;
    }

    void remember(UserId user, String position) {
        long now = nanoClock.getAsLong();
        if (latest.size() > SWEEP_ABOVE) {
            latest.values().removeIf(entry -> entry.expiresAtNanos - now < 0);
        }
        latest.put(user, new Entry(position, now + keepNanos));
    }

    Optional<String> latest(UserId user) {
        Entry entry = latest.get(user);
        if (entry == null || entry.expiresAtNanos - nanoClock.getAsLong() < 0) {
            return Optional.empty();
        }
        return Optional.of(entry.position);
    }
}
