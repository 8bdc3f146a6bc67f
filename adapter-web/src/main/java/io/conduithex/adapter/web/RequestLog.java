package io.conduithex.adapter.web;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line and one timer per request, whatever its route and outcome: method, route template (the raw path
 * only when no route matched), status, duration and request id. Thread-safe.
 */
final class RequestLog {
    /** The logger of the one line per request. */
    static final String LOGGER = "io.conduithex.adapter.web.requests";
    private static final Logger requestLog = LoggerFactory.getLogger(LOGGER);
    private static final String STARTED_AT = "conduit.startedAtNanos";

    private final HttpMeters httpMeters;

    @Inject
    RequestLog(Observability observability) {
        this.httpMeters = new HttpMeters(observability.meters());
    }

    /** Marks the request's start; first thing on every request. */
    void begin(Context ctx) {
        ctx.attribute(STARTED_AT, System.nanoTime());
    }

    /** Times and logs the finished request, then forgets its request id in this thread's log context. */
    void end(Context ctx, Float handlerMillis) {
        try {
            Long startedAt = ctx.attribute(STARTED_AT);
            long nanos = startedAt == null ? (long) (handlerMillis * 1_000_000) : System.nanoTime() - startedAt;
            String template = routeTemplate(ctx);
            httpMeters.record(ctx.req().getMethod(), template, ctx.statusCode(), nanos);
            if (requestLog.isInfoEnabled()) {
                requestLog.info("{} {} -> {} in {} ms [{}]", ctx.req().getMethod(),
                        template != null ? template : ctx.path(), ctx.statusCode(), tenths(nanos),
                        ctx.res().getHeader(RequestIds.HEADER));
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** Milliseconds with one decimal ("12.3"), without the cost of String.format on every request. */
    static String tenths(long nanos) {
        long tenths = (nanos + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }

    /** The matched route template, a bounded set; the raw path only when no route matched. */
    static String route(Context ctx) {
        String template = routeTemplate(ctx);
        return template != null ? template : ctx.path();
    }

    /** The matched route template, or null when no route matched. */
    private static String routeTemplate(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint != null ? endpoint.path : null;
    }
}
