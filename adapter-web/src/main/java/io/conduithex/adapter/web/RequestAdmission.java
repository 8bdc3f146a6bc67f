package io.conduithex.adapter.web;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import org.slf4j.MDC;

/**
 * What every request meets before its route: its request id (reused when the caller sent a sane one, in the
 * response and in this thread's log context), the CORS headers, a preflight answered here, the API held back
 * with 503 while the application is not ready (its own documentation aside), a malformed query string refused,
 * and the writes the request must read ({@link ReadYourWrites}), which {@link #leave} answers with a token for
 * what it wrote.
 */
final class RequestAdmission {
    private final Cors cors;
    private final Readiness readiness;
    private final ReadYourWrites readYourWrites;

    @Inject
    RequestAdmission(WebSettings settings, Readiness readiness, ReadYourWrites readYourWrites) {
        this.cors = new Cors(settings);
        this.readiness = readiness;
        this.readYourWrites = readYourWrites;
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
        if (!readiness.isReady() && ctx.path().startsWith("/api/")
                && !DocumentationRoutes.isDocumentation(ctx.path())) {
            ErrorMapper.notReady(readiness.reason()).respondTo(ctx);
            ctx.skipRemainingHandlers();
            return;
        }
        QueryStrings.requireWellFormed(ctx.queryString());
        // Last, so that a request answered here opens no consistency scope.
        readYourWrites.begin(ctx);
    }

    /** After the route, whatever its outcome. */
    void leave(Context ctx) {
        readYourWrites.end(ctx);
    }
}
