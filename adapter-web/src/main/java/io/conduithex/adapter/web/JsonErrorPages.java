package io.conduithex.adapter.web;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Errors Jetty answers before a request reaches the routes (an unparsable URI, headers too large, a request
 * refused while shutting down) are JSON too, never an HTML page, and carry a request id in the header and the
 * body like every other error. Such a request never reaches the request logger, so it is logged here, under the
 * same logger, with its id.
 */
final class JsonErrorPages extends ErrorHandler {
    private static final Logger requestLog = LoggerFactory.getLogger(RequestLog.LOGGER);

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String requestId = response.getHeaders().get(RequestIds.HEADER);
        if (requestId == null) {
            requestId = RequestIds.reuseOrGenerate(request.getHeaders().get(RequestIds.HEADER));
            response.getHeaders().put(RequestIds.HEADER, requestId);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);
        logRejection(code, requestId);
        response.write(true, ByteBuffer.wrap(body(code, requestId)), callback);
    }

    private static void logRejection(int status, String requestId) {
        String outer = MDC.get(RequestIds.MDC_KEY);
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            // The method and path are left out: a request Jetty could not parse may have neither, or hostile ones.
            requestLog.info("request rejected by the HTTP server -> {} [{}]", status, requestId);
        } finally {
            if (outer == null) {
                MDC.remove(RequestIds.MDC_KEY);
            } else {
                MDC.put(RequestIds.MDC_KEY, outer);
            }
        }
    }

    private static byte[] body(int status, String requestId) {
        String reason = HttpStatus.getMessage(status);
        String text = reason == null ? "was rejected" : reason.toLowerCase(Locale.ROOT);
        return Json.write(ApiError.of(status, "request", text).body(requestId));
    }
}
