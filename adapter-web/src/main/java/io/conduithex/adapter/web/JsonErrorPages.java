package io.conduithex.adapter.web;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the routes (an unparsable URI, headers too large, a request
 * refused while shutting down) are JSON too, never an HTML page.
 */
final class JsonErrorPages extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Json.CONTENT_TYPE);
        if (!response.getHeaders().contains(RequestIds.HEADER)) {
            response.getHeaders().put(RequestIds.HEADER,
                    RequestIds.reuseOrGenerate(request.getHeaders().get(RequestIds.HEADER)));
        }
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    private static byte[] body(int status) {
        String reason = HttpStatus.getMessage(status);
        String text = reason == null ? "was rejected" : reason.toLowerCase(Locale.ROOT);
        return Json.write(ApiError.of(status, "request", text).body());
    }
}
