package io.conduithex.adapter.web;

import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every request that failed, after any route: an exception as the API error {@link ErrorMapper} makes
 * of it, and a {@code java.lang.Error} (out of memory, stack overflow) still as a JSON 500 with a logged id.
 */
final class FailureResponses {
    // The server's logger, as before the split: operators filter and alert on this line by its logger name.
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final ErrorMapper errors;

    @Inject
    FailureResponses(WebSettings settings) {
        this.errors = new ErrorMapper(settings.maxBodyBytes());
    }

    void respond(Exception failure, Context ctx) {
        errors.map(failure, ctx.req().getMethod(), RequestLog.route(ctx), RequestIds.ofResponse(ctx)).respondTo(ctx);
    }

    void respondToError(HttpServletResponse response, Error error) {
        String given = response.getHeader(RequestIds.HEADER);
        String errorId = given != null ? given : RequestIds.currentOrNew();
        log.error("Request failed with a JVM error, id {}", errorId, error);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.resetBuffer();
            response.setStatus(500);
            response.setHeader(RequestIds.HEADER, errorId);
            response.setContentType(Json.CONTENT_TYPE);
            response.getOutputStream().write(Json.write(
                    ApiError.of(500, "server", "unexpected error, id " + errorId).body(errorId)));
        } catch (IOException | RuntimeException e) {
            error.addSuppressed(e);
        }
    }
}
