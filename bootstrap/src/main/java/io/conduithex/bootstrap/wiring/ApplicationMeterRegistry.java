package io.conduithex.bootstrap.wiring;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The application's Prometheus registry, with the JVM and process meters bound (memory, garbage collection,
 * threads, class loading, CPU, uptime, file descriptors). HTTP requests and units of work publish histogram buckets
 * ({@code _bucket} series, so that Prometheus can compute any percentile across instances), a fixed set of
 * {@link #BUCKETS} rather than Micrometer's default of about seventy, so the series stay few: their tags are route
 * templates and use-case names already. Closing it also unhooks the GC listener, which would otherwise keep the
 * registry alive for as long as the JVM runs.
 */
final class ApplicationMeterRegistry extends PrometheusMeterRegistry {
    /** Upper bounds of the latency buckets, from a fast read to the longest a request may be made to wait. */
    static final List<Duration> BUCKETS = Stream.of(1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .map(Duration::ofMillis).toList();
    /** The timers whose latency operators want as percentiles over time and across instances. */
    static final Set<String> HISTOGRAMS = Set.of("http.server.requests", "conduit.uow.duration");

    private final JvmGcMetrics gc = new JvmGcMetrics();

    ApplicationMeterRegistry() {
        super(PrometheusConfig.DEFAULT);
        config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HISTOGRAMS.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(BUCKETS.stream().mapToDouble(Duration::toNanos).toArray())
                        .build().merge(config);
            }
        });
        new JvmMemoryMetrics().bindTo(this);
        gc.bindTo(this);
        new JvmThreadMetrics().bindTo(this);
        new ClassLoaderMetrics().bindTo(this);
        new ProcessorMetrics().bindTo(this);
        new UptimeMetrics().bindTo(this);
        new FileDescriptorMetrics().bindTo(this);
    }

    @Override
    public void close() {
        try {
            gc.close();
        } finally {
            super.close();
        }
    }
}
