package io.conduithex.adapter.web;

/**
 * The application's metrics in the Prometheus text exposition format (version 0.0.4), as the composition root's
 * registry renders them. A function, so that this adapter needs no registry implementation of its own.
 */
@FunctionalInterface
public interface MetricsScrape {
    String scrape();
}
