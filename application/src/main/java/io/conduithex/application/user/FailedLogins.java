package io.conduithex.application.user;

import io.conduithex.domain.failure.TooManyAttemptsException;
import io.conduithex.domain.user.Email;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Failed logins, counted per account and client address: after {@code limit} failures within {@code window}
 * from one address, further attempts on that account from there are refused untried
 * ({@link TooManyAttemptsException}) until the oldest of those failures is older than the window. Keyed by the
 * pair so that someone guessing a password gets a few tries per window from each address, while the account's
 * owner, elsewhere, is never locked out by the guesses: only the guessing address is. A success clears its pair.
 * Memory is bounded: at most {@link #MAX_PLACES} pairs are kept, the least recently used dropped first. Filling
 * it takes as many failed logins, each one a password hash, so a guesser cannot flush its own pair out faster
 * than the hashing capacity allows. Thread-safe.
 */
public final class FailedLogins {
    public static final int MAX_PLACES = 20_000;

    /** How many failures within how long an account and address pair may have before it is refused. */
    public record Settings(int limit, Duration window) {
        public Settings {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1, was " + limit);
            }
            Objects.requireNonNull(window, "window");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive, was " + window);
            }
        }
    }

    private record Place(String email, String address) {
    }

    private final int limit;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    private final int maxPlaces;
    /** Each pair's failure times, oldest first, at most {@code limit}; in least recently used order. */
    private final Map<Place, long[]> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Place, long[]> eldest) {
            return size() > maxPlaces;
        }
    };

    public FailedLogins(Settings settings) {
        this(settings, System::nanoTime, MAX_PLACES);
    }

    FailedLogins(Settings settings, LongSupplier nanoTime, int maxPlaces) {
        this.limit = settings.limit();
        this.windowNanos = settings.window().toNanos();
        this.nanoTime = nanoTime;
        this.maxPlaces = maxPlaces;
    }

    /**
     * Starts a login attempt for this pair, counted as a failure until {@link Attempt#succeeded()} or
     * {@link Attempt#withdraw()}: counted before the password is checked, so that guesses sent at once cannot all
     * pass the limit while the first of them are still being checked.
     *
     * @throws TooManyAttemptsException when this pair has had {@code limit} failures within the window
     */
    public Attempt attempt(Email email, String address) {
        Place place = place(email, address);
        long now = nanoTime.getAsLong();
        synchronized (failures) {
            long[] times = failures.get(place);
            if (times != null && times.length == limit) {
                long waitNanos = times[0] + windowNanos - now;
                if (waitNanos > 0) {
                    throw new TooManyAttemptsException(Duration.ofNanos(waitNanos));
                }
            }
            failures.put(place, append(times, now));
        }
        return new Attempt(place, now);
    }

    /** A login attempt in progress: a failure unless it ends otherwise. */
    public final class Attempt {
        private final Place place;
        private final long startedAt;

        private Attempt(Place place, long startedAt) {
            this.place = place;
            this.startedAt = startedAt;
        }

        /** The right password: the pair's failures are forgotten. */
        public void succeeded() {
            synchronized (failures) {
                failures.remove(place);
            }
        }

        /** The password was never checked (the server was busy, the database failed): this attempt does not count. */
        public void withdraw() {
            synchronized (failures) {
                failures.computeIfPresent(place, (key, times) -> without(times, startedAt));
            }
        }
    }

    /** {@code times} less one entry equal to {@code time}; null (the pair forgotten) when none is left. */
    private static long[] without(long[] times, long time) {
        int at = times.length - 1;
        while (at >= 0 && times[at] != time) {
            at--;
        }
        if (at < 0) {
            return times;
        }
        if (times.length == 1) {
            return null;
        }
        long[] rest = new long[times.length - 1];
        System.arraycopy(times, 0, rest, 0, at);
        System.arraycopy(times, at + 1, rest, at, rest.length - at);
        return rest;
    }

    /** The failures within the window, then {@code now}; at most the last {@code limit}. */
    private long[] append(long[] times, long now) {
        int kept = 0;
        long[] recent = new long[limit];
        if (times != null) {
            for (long time : times) {
                if (now - time < windowNanos) {
                    recent[kept++] = time;
                }
            }
        }
        if (kept == limit) {
            System.arraycopy(recent, 1, recent, 0, limit - 1);
            kept--;
        }
        recent[kept++] = now;
        return Arrays.copyOf(recent, kept);
    }

    private static Place place(Email email, String address) {
        return new Place(email.value().toLowerCase(Locale.ROOT), Objects.requireNonNull(address, "address"));
    }
}
