package io.conduithex.application.operations;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Each use case's recent units of work, for operators: the last {@value #WINDOW} of each in a fixed ring (how
 * long the caller waited, retries and backoff included; whether it failed; how many attempts it took), beside a
 * count since start. Use case names are a bounded set from the code; past {@value #MAX_USE_CASES} names the
 * rest are not kept, so a bug that names use cases by data cannot grow memory without bound.
 *
 * <p>Thread-safe. Recording is a short critical section per use case and never throws.
 */
@Singleton
public final class UseCaseTimings {
    /** Enough recent units of work per use case for a stable p99 and a max that is still recent. */
    public static final int WINDOW = 1024;
    static final int MAX_USE_CASES = 256;

    private final ConcurrentMap<String, Ring> rings = new ConcurrentHashMap<>();

    /** What the per-use-case figures are taken over, for a reader. */
    public static String window() {
        return "last " + WINDOW + " units of work of each use case";
    }

    /**
     * @param nanos    from the first attempt's start to the last one's end
     * @param failed   whether the caller got a failure
     * @param attempts how many times the work ran (1 without retries)
     */
    public void record(String useCase, long nanos, boolean failed, int attempts) {
        Ring ring = rings.get(useCase);
        if (ring == null) {
            if (rings.size() >= MAX_USE_CASES) {
                return;
            }
            ring = rings.computeIfAbsent(useCase, name -> new Ring());
        }
        ring.record(nanos, failed, attempts);
    }

    /** Every use case seen, by name. */
    public List<UseCaseLatency> snapshot() {
        List<UseCaseLatency> all = new ArrayList<>();
        rings.forEach((useCase, ring) -> all.add(ring.summary(useCase)));
        all.sort(Comparator.comparing(UseCaseLatency::useCase));
        return all;
    }

    private static final class Ring {
        private final long[] nanos = new long[WINDOW];
        private final boolean[] failed = new boolean[WINDOW];
        private final int[] attempts = new int[WINDOW];
        private long count;

        synchronized void record(long duration, boolean failure, int tries) {
            int slot = (int) (count % WINDOW);
            nanos[slot] = duration;
            failed[slot] = failure;
            attempts[slot] = tries;
            count++;
        }

        UseCaseLatency summary(String useCase) {
            long[] kept;
            long errors = 0;
            long tries = 0;
            long sinceStart;
            synchronized (this) {
                sinceStart = count;
                int size = (int) Math.min(count, WINDOW);
                kept = Arrays.copyOf(nanos, size);
                for (int i = 0; i < size; i++) {
                    errors += failed[i] ? 1 : 0;
                    tries += attempts[i];
                }
            }
            Arrays.sort(kept);
            return new UseCaseLatency(useCase, sinceStart, kept.length, errors, tries, millis(kept, 0.50),
                    millis(kept, 0.95), millis(kept, 0.99), millis(kept, 1.0));
        }

        /** Nearest-rank percentile, in milliseconds with microsecond precision; 0 for none. */
        private static double millis(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(quantile * sorted.length);
            long value = sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
            return Math.round(value / 1_000.0) / 1_000.0;
        }
    }
}
