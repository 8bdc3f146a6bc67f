package io.conduithex.adapter.web;

import io.conduithex.application.health.HealthChecks;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Objects;

/**
 * What the operator endpoints need: the readiness checks behind {@code /health/ready}, the scrape behind
 * {@code /metrics}, and the registry the HTTP timers are recorded in.
 */
public record Observability(HealthChecks health, MetricsScrape metrics, MeterRegistry meters) {

    public Observability {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(meters, "meters");
    }

    /** No readiness checks beyond start-up, an empty scrape, timers recorded in {@code meters}; for tests. */
    public static Observability minimal(MeterRegistry meters) {
        return new Observability(new HealthChecks(List.of()), () -> "", meters);
    }
}
