package io.conduithex.adapter.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every request by method, route template and status. Tags are bounded: the route is the matched
 * template (never the raw path, which carries slugs and names), {@code unmatched} when no route matched, and
 * a method outside the usual few is {@code other}.
 */
final class HttpMeters {
    /** Timer, tags {@code method}, {@code route}, {@code status}. */
    static final String REQUESTS = "http.server.requests";
    static final String UNMATCHED = "unmatched";

    private static final Logger log = LoggerFactory.getLogger(HttpMeters.class);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry meters;

    HttpMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** @param routeTemplate the matched template, or null when none matched */
    void record(String method, String routeTemplate, int status, long nanos) {
        try {
            Timer.builder(REQUESTS)
                    .description("HTTP requests by method, route template and status")
                    .tag("method", METHODS.contains(method) ? method : "other")
                    .tag("route", routeTemplate == null ? UNMATCHED : routeTemplate)
                    .tag("status", Integer.toString(status))
                    .register(meters)
                    .record(nanos, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // Recording a metric never fails a request.
            log.warn("Could not time a request", e);
        }
    }
}
