package io.conduithex.adapter.web;

import io.javalin.config.RoutesConfig;

/**
 * {@code GET /metrics} in the Prometheus text format. Public like the health probes, for the scraper; the
 * figures name routes and use cases, never users or secrets, but operators keep the path off the public
 * internet at the ingress (see the README).
 */
final class MetricsRoutes {
    static final String METRICS = "/metrics";
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final MetricsScrape scrape;

    MetricsRoutes(MetricsScrape scrape) {
        this.scrape = scrape;
    }

    void addTo(RoutesConfig routes) {
        routes.get(METRICS, ctx -> ctx.status(200).contentType(CONTENT_TYPE).result(scrape.scrape()));
    }
}
