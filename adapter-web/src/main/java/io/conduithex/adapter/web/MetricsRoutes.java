package io.conduithex.adapter.web;

import io.javalin.config.RoutesConfig;
import jakarta.inject.Inject;

/**
 * {@code GET /metrics} in the Prometheus text format. Public like the health probes, for the scraper; the
 * figures name routes and use cases, never users or secrets, but operators keep the path off the public
 * internet at the ingress (see the README).
 */
final class MetricsRoutes implements RouteGroup {
    static final String METRICS = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final MetricsScrape scrape;

    @Inject
    MetricsRoutes(Observability observability) {
        this.scrape = observability.metrics();
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(METRICS, ctx -> ctx.status(200).contentType(CONTENT_TYPE).result(scrape.scrape()));
    }
}
