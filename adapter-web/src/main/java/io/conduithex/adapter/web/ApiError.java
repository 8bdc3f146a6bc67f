package io.conduithex.adapter.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error response: status, the {@code {"errors":{"field":["message"]}}} body and any extra headers.
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

    /** The JSON body. */
    Map<String, Object> body() {
        return Map.of("errors", errors);
    }
}
