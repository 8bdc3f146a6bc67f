package io.conduithex.testsupport.kit;

import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.Request;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the response headers the document does not name for their response. swagger-request-validator checks the
 * headers a response documents and lets any other through; this holds the rest to the document too: a header must
 * be documented for its operation's response (its status, else {@code default}) or be one of the standard HTTP
 * headers below, whose meaning HTTP itself gives. Thread-safe once built.
 */
final class ResponseHeaderNames {
    /**
     * Headers any answer may carry without the document naming them, lower case: framing and caching, CORS, and the
     * browser security policies of the HTML pages. Not here, so documented where sent: {@code X-Request-Id},
     * {@code Retry-After}, {@code WWW-Authenticate}, {@code Set-Cookie}, and every other header of this API's own.
     */
    static final Set<String> STANDARD = Set.of(
            "content-type", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive",
            "date", "server", "vary", "cache-control", "expires", "last-modified", "etag", "allow",
            "access-control-allow-origin", "access-control-allow-credentials", "access-control-allow-methods",
            "access-control-allow-headers", "access-control-expose-headers", "access-control-max-age",
            "content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options");

    private final OpenAPI api;
    private final ApiOperationResolver operations;

    /** For {@code api}, parsed with its references resolved. */
    ResponseHeaderNames(OpenAPI api) {
        this.api = api;
        this.operations = new ApiOperationResolver(api, "/", false);
    }

    /** One finding per header in {@code sent} (names as received) that the document does not allow here. */
    List<String> undocumented(String path, Request.Method method, int status, Collection<String> sent) {
        var match = operations.findApiOperation(path, method);
        if (!match.isPathFound() || !match.isOperationAllowed()) {
            return List.of(); // the validator's and RouteDocumentationTest's business
        }
        var responses = match.getApiOperation().getOperation().getResponses();
        var response = Optional.ofNullable(responses.get(String.valueOf(status)))
                .or(() -> Optional.ofNullable(responses.getDefault()))
                .map(this::resolved);
        if (response.isEmpty()) {
            return List.of(); // an undocumented status, which the validator reports
        }
        Set<String> documented = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        documented.addAll(Optional.ofNullable(response.get().getHeaders()).map(Map::keySet).orElse(Set.of()));
        return sent.stream()
                .filter(name -> !name.startsWith(":")) // HTTP/2 pseudo-headers
                .filter(name -> !STANDARD.contains(name.toLowerCase(Locale.ROOT)) && !documented.contains(name))
                .map(name -> "header " + name + ": not documented for this response, nor a standard HTTP header")
                .toList();
    }

    private ApiResponse resolved(ApiResponse response) {
        if (response.get$ref() == null) {
            return response;
        }
        String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
        return api.getComponents().getResponses().get(name);
    }
}
