package io.conduithex.adapter.web;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error response: status, the {@code {"errors":{"field":["message"]},"requestId":"..."}} body and any extra
 * headers. The {@code errors} object is the RealWorld error format; {@code requestId} rides beside it (clients
 * ignore fields they do not know) so that a client can quote the id of any error, not only of a 500.
 *
 * @param status  HTTP status
 * @param errors  messages by field, in order
 * @param headers extra response headers, such as {@code Retry-After}
 */
record ApiError(int status, Map<String, List<String>> errors, Map<String, String> headers) {
    ApiError {
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        headers = Map.copyOf(headers);
    }

    static ApiError of(int status, String field, String message) {
        return new ApiError(status, Map.of(field, List.of(message)), Map.of());
    }

    ApiError withHeader(String name, String value) {
        var more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiError(status, errors, more);
    }

    /** The JSON body, naming {@code requestId}: the id in the response's X-Request-Id header. */
    Map<String, Object> body(String requestId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("errors", errors);
        body.put("requestId", requestId);
        return body;
    }

    /** Answers {@code ctx} with this error: its headers, its status, its body under the response's request id. */
    void respondTo(Context ctx) {
        headers.forEach(ctx::header);
        Json.respond(ctx, status, body(RequestIds.ofResponse(ctx)));
    }
}
