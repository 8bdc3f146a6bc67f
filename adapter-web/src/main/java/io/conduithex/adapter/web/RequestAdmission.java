package io.conduithex.adapter.web;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import org.slf4j.MDC;

/**
 * What every request meets before its route: its request id (reused when the caller sent a sane one, in the
 * response and in this thread's log context), the CORS headers, a preflight answered here, the API held back
 * with 503 while the application is not ready, and a malformed query string refused.
 */
final class RequestAdmission {
    private final Cors cors;
    private final Readiness readiness;

    @Inject
    RequestAdmission(WebSettings settings, Readiness readiness) {
        this.cors = new Cors(settings);
        this.readiness = readiness;
    }

    /** Lets the request on to its route, or answers it here and skips the route. */
    void admit(Context ctx) {
        String requestId = RequestIds.reuseOrGenerate(ctx.header(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, requestId);
        ctx.header(RequestIds.HEADER, requestId);
        cors.decorate(ctx);
        if (Cors.isPreflight(ctx)) {
            cors.answerPreflight(ctx);
            ctx.skipRemainingHandlers();
            return;
        }
        if (!readiness.isReady() && ctx.path().startsWith("/api/")) {
            ErrorMapper.notReady(readiness.reason()).respondTo(ctx);
            ctx.skipRemainingHandlers();
            return;
        }
        QueryStrings.requireWellFormed(ctx.queryString());
    }
}
