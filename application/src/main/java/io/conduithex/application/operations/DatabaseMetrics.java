package io.conduithex.application.operations;

import io.conduithex.domain.port.persistence.DatabaseDiagnostics;
import io.conduithex.domain.port.persistence.DatabaseTimings.Distribution;
import io.conduithex.domain.port.persistence.DatabaseTimings.StatementTotals;
import io.conduithex.domain.port.persistence.PoolSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The detailed performance figures operators ask for, each with the window it was taken over.
 *
 * @param useCaseWindow          what {@code useCases} are taken over ({@link UseCaseTimings#window()})
 * @param useCases               each use case's recent units of work, by name
 * @param transactionsSinceStart database transactions (single attempts) since start by how they ended
 * @param retries                retries and given-up units of work by cause (last hour, since start)
 * @param pool                   the pool now
 * @param connectionWaits        waits for a pooled connection over their window
 * @param statements             the statements with the most total time over their window
 * @param server                 the database server's own statistics, or why there are none
 */
public record DatabaseMetrics(Instant timestamp, String useCaseWindow, List<UseCaseLatency> useCases,
                              Map<String, Long> transactionsSinceStart, RetryStatistics retries, PoolSnapshot pool,
                              Distribution connectionWaits, StatementTotals statements,
                              DatabaseDiagnostics.Report server) {
    public DatabaseMetrics {
        Objects.requireNonNull(timestamp, "timestamp");
        useCases = List.copyOf(useCases);
        transactionsSinceStart = Map.copyOf(transactionsSinceStart);
    }

    public long unitsOfWorkInWindow() {
        return useCases.stream().mapToLong(UseCaseLatency::count).sum();
    }

    public long attemptsInWindow() {
        return useCases.stream().mapToLong(UseCaseLatency::attempts).sum();
    }

    /** Attempts per unit of work over every use case's window: 1.0 when nothing was retried. */
    public double retryAmplification() {
        long units = unitsOfWorkInWindow();
        return units == 0 ? 0 : Math.round((double) attemptsInWindow() / units * 1_000) / 1_000.0;
    }
}
