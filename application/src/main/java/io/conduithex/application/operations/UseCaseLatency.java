package io.conduithex.application.operations;

import java.util.Objects;

/**
 * One use case's units of work over its window ({@link UseCaseTimings#window()}).
 *
 * @param sinceStart units of work since start
 * @param count      units of work in the window
 * @param errors     those in the window that failed
 * @param attempts   runs of the work in the window: {@code count} plus the retries
 */
public record UseCaseLatency(String useCase, long sinceStart, long count, long errors, long attempts, double p50Ms,
                             double p95Ms, double p99Ms, double maxMs) {
    public UseCaseLatency {
        Objects.requireNonNull(useCase, "useCase");
    }

    /** Attempts per unit of work in the window: 1.0 when nothing was retried, 0 when there was nothing. */
    public double retryAmplification() {
        return count == 0 ? 0 : Math.round((double) attempts / count * 1_000) / 1_000.0;
    }
}
