package io.conduithex.bootstrap.wiring;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The application's Prometheus registry, with the JVM and process meters bound (memory, garbage collection,
 * threads, class loading, CPU, uptime, file descriptors). Closing it also unhooks the GC listener, which would
 * otherwise keep the registry alive for as long as the JVM runs.
 */
final class ApplicationMeterRegistry extends PrometheusMeterRegistry {
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ApplicationMeterRegistry() {
        super(PrometheusConfig.DEFAULT);
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
