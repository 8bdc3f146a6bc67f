package io.conduithex.adapter.jdbi.pool;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import io.conduithex.adapter.jdbi.monitoring.TimingRecorder;

/**
 * HikariCP's metrics (Micrometer's tracker, unchanged) plus each connection acquisition's wait, kept in the
 * {@link TimingRecorder} for the percentiles operators read. Recording never throws into the pool.
 */
final class AcquireTimingTrackerFactory implements MetricsTrackerFactory {
    private final MetricsTrackerFactory delegate;
    private final TimingRecorder timings;

    AcquireTimingTrackerFactory(MetricsTrackerFactory delegate, TimingRecorder timings) {
        this.delegate = delegate;
        this.timings = timings;
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        IMetricsTracker tracker = delegate.create(poolName, poolStats);
        return new IMetricsTracker() {
            @Override
            public void recordConnectionCreatedMillis(long millis) {
                tracker.recordConnectionCreatedMillis(millis);
            }

            @Override
            public void recordConnectionAcquiredNanos(long nanos) {
                tracker.recordConnectionAcquiredNanos(nanos);
                try {
                    timings.recordConnectionWait(nanos);
                } catch (RuntimeException ignored) {
                    // A metric must never fail the borrow it measures.
                }
            }

            @Override
            public void recordConnectionUsageMillis(long millis) {
                tracker.recordConnectionUsageMillis(millis);
            }

            @Override
            public void recordConnectionTimeout() {
                tracker.recordConnectionTimeout();
            }

            @Override
            public void close() {
                tracker.close();
            }
        };
    }
}
