package io.conduithex.adapter.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
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
    /** One timer per tag combination, found without building a meter id on every request. */
    private final ConcurrentMap<Tags, Timer> timers = new ConcurrentHashMap<>();

    private record Tags(String method, String route, int status) {
    }

    HttpMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    /** @param routeTemplate the matched template, or null when none matched */
    void record(String method, String routeTemplate, int status, long nanos) {
        try {
            var tags = new Tags(METHODS.contains(method) ? method : "other",
                    routeTemplate == null ? UNMATCHED : routeTemplate, status);
            timers.computeIfAbsent(tags, this::timer).record(nanos, TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // Recording a metric never fails a request.
            log.warn("Could not time a request", e);
        }
    }

    private Timer timer(Tags tags) {
        return Timer.builder(REQUESTS)
                .description("HTTP requests by method, route template and status")
                .tag("method", tags.method())
                .tag("route", tags.route())
                .tag("status", Integer.toString(tags.status()))
                .register(meters);
    }
}
